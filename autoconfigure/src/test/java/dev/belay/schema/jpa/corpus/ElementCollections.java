package dev.belay.schema.jpa.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;

/** {@code @ElementCollection}: a set, an ordered list and a map of basic values. */
public final class ElementCollections {

    private ElementCollections() {
    }

    @Entity(name = "ElementCollectionRecipe")
    public static class Recipe {

        @Id
        Long id;

        @ElementCollection
        @CollectionTable(name = "element_collection_tag", joinColumns = @JoinColumn(name = "recipe_id"))
        @Column(name = "tag", length = 40, nullable = false)
        Set<String> tags = new HashSet<>();

        @ElementCollection
        @OrderColumn(name = "step_number")
        List<String> steps = new ArrayList<>();

        @ElementCollection
        @MapKeyColumn(name = "ingredient")
        @Column(name = "grams")
        Map<String, Integer> ingredients = new HashMap<>();

    }

}
