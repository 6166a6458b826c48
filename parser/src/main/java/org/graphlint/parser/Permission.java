package org.graphlint.parser;

import java.util.List;

/** One row of the permissions table, in English: the permission type and the permissions it lists. */
public record Permission(String type, List<String> permissions) {
    public Permission {
        permissions = List.copyOf(permissions);
    }
}
