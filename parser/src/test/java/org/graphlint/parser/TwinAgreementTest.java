package org.graphlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain-page name recovery checked against ground truth: a plain page and its sxs twin (same
 * {@code ms.openlocfilehash}) translate the same English source, so every recovered name must equal the twin's
 * English name. Rows the parser flags (unresolved) are counted, never compared.
 */
class TwinAgreementTest {

    record Tally(int pairs, int unaligned, int agreeing, int flagged, List<String> wrong,
            int membersAgreeing, int membersFlagged, List<String> membersWrong, int typesAgreeing, List<String> typesWrong) {
    }

    static Tally compare() throws IOException {
        Map<String, PageModel> sxsByHash = new HashMap<>();
        for (Path f : pages(Samples.ROOT.resolve("pages/history"))) {
            PageModel p = PageParser.parse(f);
            if (p.openLocFileHash() != null) {
                sxsByHash.putIfAbsent(p.openLocFileHash(), p);
            }
        }
        int pairs = 0, unaligned = 0, agreeing = 0, flagged = 0, mAgree = 0, mFlag = 0, tAgree = 0;
        List<String> wrong = new ArrayList<>(), mWrong = new ArrayList<>(), tWrong = new ArrayList<>();
        for (Path f : pages(Samples.ROOT.resolve("plain-pages"))) {
            PageModel plain = PageParser.parse(f);
            PageModel twin = plain.openLocFileHash() == null ? null : sxsByHash.get(plain.openLocFileHash());
            if (twin == null || plain.format() != PageFormat.PLAIN) {
                continue;
            }
            pairs++;
            if (plain.properties().size() != twin.properties().size() || plain.enumMembers().size() != twin.enumMembers().size()) {
                unaligned++;
                continue;
            }
            for (int i = 0; i < plain.properties().size(); i++) {
                PropertyRow r = plain.properties().get(i);
                PropertyRow t = twin.properties().get(i);
                if (!r.nameSource().recovered()) {
                    flagged++;
                } else if (r.name().equals(t.name())) {
                    agreeing++;
                } else {
                    wrong.add(f + ":" + r.line() + " " + r.name() + " (" + r.nameSource().id() + ") vs twin " + t.name());
                }
                if (r.typeSource() != TypeSource.UNRESOLVED && r.nameSource().recovered()) {
                    if (r.type().equals(t.type()) && r.collection() == t.collection()) {
                        tAgree++;
                    } else {
                        tWrong.add(f + ":" + r.line() + " " + r.name() + " " + r.type() + (r.collection() ? "[]" : "") + " ("
                                + r.typeSource().id() + ") vs twin " + t.type() + (t.collection() ? "[]" : ""));
                    }
                }
            }
            for (int i = 0; i < plain.enumMembers().size(); i++) {
                EnumMember m = plain.enumMembers().get(i);
                EnumMember t = twin.enumMembers().get(i);
                if (m.nameSource() == NameSource.UNRESOLVED) {
                    mFlag++;
                } else if (m.name().equals(t.name())) {
                    mAgree++;
                } else {
                    mWrong.add(f + ":" + m.line() + " " + m.name() + " vs twin " + t.name());
                }
            }
        }
        return new Tally(pairs, unaligned, agreeing, flagged, wrong, mAgree, mFlag, mWrong, tAgree, tWrong);
    }

    static List<String> head(List<String> l) {
        return l.subList(0, Math.min(10, l.size()));
    }

    static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void recoveredNamesEqualTheSxsTwinsEnglishNames() throws IOException {
        Tally t = compare();
        System.out.printf("twin pairs %d (unaligned %d); property rows agreeing %d, flagged %d, wrong %d; "
                + "enum members agreeing %d, flagged %d, wrong %d; types agreeing %d, wrong %d%n",
                t.pairs(), t.unaligned(), t.agreeing(), t.flagged(), t.wrong().size(),
                t.membersAgreeing(), t.membersFlagged(), t.membersWrong().size(), t.typesAgreeing(), t.typesWrong().size());
        assertTrue(t.pairs() > 400, "expected the sample plain pages to pair with their sxs twins: " + t.pairs());
        assertEquals(List.of(), head(t.wrong()), "recovered property names that differ from the twin");
        assertEquals(List.of(), head(t.membersWrong()), "recovered enum member names that differ from the twin");
        assertEquals(List.of(), head(t.typesWrong()), "recovered types that differ from the twin (first 10 of " + t.typesWrong().size() + ")");
        // Recovery must actually recover: flagging everything would make 'wrong' trivially empty.
        assertTrue(t.agreeing() > 10 * t.flagged(), "too many rows flagged: " + t.flagged() + " vs " + t.agreeing() + " agreeing");
    }
}
