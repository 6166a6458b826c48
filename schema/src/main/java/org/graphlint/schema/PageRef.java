package org.graphlint.schema;

import java.time.LocalDate;

/**
 * One doc version behind a schema version: a page as it stood at one moment.
 *
 * @param locale       {@code ms.contentlocale} ({@code ru-RU})
 * @param lastHandoff  {@code ms.lasthandoff} as a date
 * @param sourceCommit {@code ms.sourcegitcommit}: the English source the page translates
 * @param file         the page file, relative to the folder the catalog was built from
 */
public record PageRef(String locale, LocalDate lastHandoff, String sourceCommit, String file) {
}
