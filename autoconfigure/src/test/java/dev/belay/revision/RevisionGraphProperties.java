package dev.belay.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The linear order over random revision DAGs: topological, complete, and independent of input order. */
class RevisionGraphProperties {

    @Property(tries = 300)
    void linearOrderPutsEveryParentFirstWhateverTheInputOrder(@ForAll @IntRange(min = 1, max = 40) int size,
            @ForAll long seed) {
        List<RevisionInfo> revisions = randomDag(size, new Random(seed));
        List<RevisionInfo> shuffled = new ArrayList<>(revisions);
        Collections.shuffle(shuffled, new Random(seed + 1));

        List<RevisionInfo> order = RevisionGraph.of(revisions).revisions();

        assertThat(RevisionGraph.of(shuffled).revisions()).isEqualTo(order);
        assertThat(order).containsExactlyInAnyOrderElementsOf(revisions);
        Set<String> seen = new HashSet<>();
        for (RevisionInfo revision : order) {
            assertThat(seen).containsAll(revision.parents());
            seen.add(revision.id());
        }
    }

    @Property(tries = 200)
    void applyingPendingRevisionsStepByStepReachesEveryHead(@ForAll @IntRange(min = 1, max = 30) int size,
            @ForAll long seed) {
        Random random = new Random(seed);
        RevisionGraph graph = RevisionGraph.of(randomDag(size, random));
        List<RevisionInfo> all = graph.revisions();
        String target = all.get(random.nextInt(all.size())).id();

        Set<String> applied = new HashSet<>();
        for (RevisionInfo revision : graph.pending(applied, target)) {
            assertThat(applied).containsAll(revision.parents());
            applied.add(revision.id());
        }
        assertThat(applied).isEqualTo(graph.lineage(target));
        graph.pending(applied, null).forEach((revision) -> applied.add(revision.id()));
        assertThat(graph.pending(applied, null)).isEmpty();
        assertThat(applied).hasSize(all.size());
    }

    /** A single-rooted DAG: each revision after one to three earlier ones. */
    private static List<RevisionInfo> randomDag(int size, Random random) {
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> parents = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String id = "r" + Integer.toString(random.nextInt(1 << 20), 36) + "_" + i;
            List<String> after = new ArrayList<>();
            if (i > 0) {
                int count = 1 + random.nextInt(Math.min(3, i));
                while (after.size() < count) {
                    String parent = ids.get(random.nextInt(i));
                    if (!after.contains(parent)) {
                        after.add(parent);
                    }
                }
            }
            ids.add(id);
            parents.put(id, after);
        }
        return ids.stream().map((id) -> new RevisionInfo(id, parents.get(id), "", true, "test." + id)).toList();
    }

}
