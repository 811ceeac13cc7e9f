package dev.belay.schema;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersProperties {

    @Property
    void quotingThenUnquotingGivesTheNameBack(@ForAll @NotEmpty String name) {
        if (name.indexOf('\0') >= 0) {
            return;
        }
        String quoted = Identifiers.quote(name);
        assertThat(Identifiers.unquote(quoted)).isEqualTo(name);
    }

}
