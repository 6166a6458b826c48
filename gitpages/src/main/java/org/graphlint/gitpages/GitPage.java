package org.graphlint.gitpages;

import java.time.Instant;

/**
 * One state of one page in a repository: the blob a commit gave the page.
 *
 * @param path     the page's path in the repository ({@code ru-RU/api-reference/beta/api/user-get.md})
 * @param name     the name graphlint records it under, relative to the {@code --path} folder, laid out as folders of
 *                 page histories are: {@code PAGE/DATE_COMMIT.md} ({@code beta/api/user-get/2021-03-24_4df005b.md})
 * @param commit   the commit that gave the page this content (full id)
 * @param time     that commit's committer time
 * @param content  the page's bytes, or null when the blob is too large to be a page
 */
public record GitPage(String path, String name, String commit, Instant time, byte[] content) {
}
