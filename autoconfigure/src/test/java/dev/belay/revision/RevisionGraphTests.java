package dev.belay.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionGraphTests {

    @Test
    void ordersParentsBeforeChildrenAndBreaksTiesById() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("d", "b", "c"), revision("c", "a"),
                revision("b", "a"), revision("a"), revision("e", "a")));
        assertThat(graph.revisions()).extracting(RevisionInfo::id).containsExactly("a", "b", "c", "d", "e");
        assertThat(graph.heads()).containsExactly("d", "e");
        assertThat(graph.childrenOf("a")).containsExactly("b", "c", "e");
    }

    @Test
    void aBranchIsOrderedByIdNotByDepth() {
        // After "a", both "b1" and "z" are ready; "b1" goes first, then "b2" becomes ready and
        // still sorts before "z".
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a"), revision("z", "a"), revision("b1", "a"),
                revision("b2", "b1")));
        assertThat(graph.revisions()).extracting(RevisionInfo::id).containsExactly("a", "b1", "b2", "z");
    }

    @Test
    void pendingUpToATargetIsTheTargetAndItsMissingAncestors() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a"), revision("b", "a"), revision("c", "b"),
                revision("x", "a"), revision("m", "c", "x")));
        assertThat(graph.pending(Set.of("a"), "c")).extracting(RevisionInfo::id).containsExactly("b", "c");
        assertThat(graph.pending(Set.of("a", "x"), null)).extracting(RevisionInfo::id).containsExactly("b", "c", "m");
        assertThat(graph.pending(Set.of("a", "b", "c", "x", "m"), null)).isEmpty();
        assertThat(graph.lineage("m")).containsExactlyInAnyOrder("a", "b", "c", "x", "m");
    }

    @Test
    void theSingleHeadIsTheHeadOfALinearChain() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a"), revision("b", "a")));
        assertThat(graph.head()).map(RevisionInfo::id).contains("b");
        assertThat(RevisionGraph.of(List.of()).head()).isEmpty();
    }

    @Test
    void nearestLooksAtTheRevisionsFirstThenAtThoseTheyComeAfterNearestFirst() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a"), revision("b", "a"), revision("x", "a"),
                revision("m", "b", "x"), revision("n", "m")));
        Set<String> kept = Set.of("a", "x");

        assertThat(graph.nearest(List.of("n"), (id) -> Optional.of(id).filter(kept::contains))).contains("x");
        assertThat(graph.nearest(List.of("b"), (id) -> Optional.of(id).filter(kept::contains))).contains("a");
        assertThat(graph.nearest(List.of("a"), (id) -> Optional.<String>empty())).isEmpty();
    }

    @Test
    void severalHeadsWhereOneIsNeededAskForAMergeRevision() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a"), revision("b", "a"), revision("c", "a")));
        assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(graph::head)
            .withMessageContaining("2 heads: 'b' (test.B), 'c' (test.C)")
            .satisfies((ex) -> assertThat(ex.fix()).contains("after = {\"b\", \"c\"}"));
    }

    @Test
    void duplicateIdsNameBothClasses() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a"), new RevisionInfo("a", List.of(), "", true,
                    "test.Other"))))
            .withMessageContaining("'a' is the id of test.A and test.Other")
            .satisfies((ex) -> assertThat(ex.fix()).contains("id of its own"));
    }

    @Test
    void blankIdsNameTheClass() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(new RevisionInfo(" ", List.of(), "", true, "test.Blank"))))
            .withMessageContaining("blank id: test.Blank");
    }

    @Test
    void anUnknownParentNamesTheRevisionAndTheMissingId() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "a", "ghost"))))
            .withMessageContaining("'b' (test.B) comes after 'ghost', but no revision has that id")
            .satisfies((ex) -> assertThat(ex.fix()).contains("restore the missing revision"));
    }

    @Test
    void aRevisionAfterItselfOrAfterAParentTwiceIsNamed() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "b"))))
            .withMessageContaining("'b' (test.B) lists itself in `after`");
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "a", "a"))))
            .withMessageContaining("'b' (test.B) lists 'a' more than once");
    }

    @Test
    void aCycleNamesItsMembersAndLinks() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "a", "d"), revision("c", "b"),
                    revision("d", "c"))))
            .withMessageContaining("cycle")
            .withMessageContaining("'b' (test.B), 'd' (test.D), 'c' (test.C)")
            .withMessageContaining("'b' after 'd', 'd' after 'c', 'c' after 'b'")
            .satisfies((ex) -> assertThat(ex.fix()).contains("only come after older revisions"));
    }

    @Test
    void aGraphThatIsOnlyACycleIsACycleNotAMissingRoot() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a", "b"), revision("b", "a"))))
            .withMessageContaining("'a' after 'b', 'b' after 'a'");
    }

    @Test
    void severalRootsAreNamed() {
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> RevisionGraph.of(List.of(revision("a"), revision("b", "a"), revision("x"))))
            .withMessageContaining("Only the first revision may come after nothing, but 2 do: 'a' (test.A), 'x' (test.X)");
    }

    @Test
    void anUnknownTargetListsTheHeads() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a"), revision("b", "a")));
        assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(() -> graph.pending(Set.of(), "nope"))
            .withMessageContaining("no revision 'nope'")
            .satisfies((ex) -> assertThat(ex.fix()).contains("'b'"));
    }

    @Test
    void recordedRevisionsTheCodeLacksAreNamedWithWhoAppliedThem() {
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a")));
        List<HistoryEntry> recorded = new ArrayList<>();
        recorded.add(entry("a"));
        recorded.add(entry("from_the_future"));
        assertThatExceptionOfType(RevisionGraphException.class)
            .isThrownBy(() -> graph.checkRecorded(recorded, "public.belay_history"))
            .withMessageContaining("public.belay_history records 1 revision that this application does not have: "
                    + "'from_the_future' (message of from_the_future, applied 2026-01-02T03:04:05Z by deployer)")
            .satisfies((ex) -> assertThat(ex.fix()).contains("newer version"));
        graph.checkRecorded(List.of(entry("a")), "public.belay_history");
    }

    static RevisionInfo revision(String id, String... parents) {
        return new RevisionInfo(id, List.of(parents), "message of " + id, true,
                "test." + id.substring(0, 1).toUpperCase() + id.substring(1));
    }

    private static HistoryEntry entry(String id) {
        return new HistoryEntry(id, List.of(), "message of " + id, HistoryState.APPLIED, 1,
                java.time.Instant.parse("2026-01-02T03:04:05Z"), 3L, "deployer");
    }

}
