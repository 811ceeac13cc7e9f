package dev.belay.sample.rides;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Where {@link GpxStorage} puts tracks: {@code tracks/} without tenants, as it always did, and
 * {@code tracks/<schema>/} per tenant with them.
 */
class GpxStorageTests {

    @TempDir
    Path data;

    @Test
    void withoutTenantsEveryTrackIsInTheTracksDirectoryWhateverTheSchema() {
        GpxStorage storage = new GpxStorage(this.data, tenant(null));

        storage.forSchema("public").write(1, bytes("a track"));

        assertThat(storage.directory()).isEqualTo(this.data.toAbsolutePath().resolve("tracks"));
        assertThat(storage.forSchema("public")).isSameAs(storage);
        assertThat(storage.forCurrentTenant()).isSameAs(storage);
        assertThat(this.data.resolve("tracks").resolve("1.gpx")).hasBinaryContent(bytes("a track"));
    }

    @Test
    void withTenantsEachSchemaHasADirectoryOfItsOwnAndTheCurrentTenantIsTheRequestsOne() {
        GpxStorage storage = new GpxStorage(this.data, tenant(() -> "globex"));

        storage.forSchema("acme").write(1, bytes("acme's track"));
        storage.forCurrentTenant().write(1, bytes("globex's track"));

        assertThat(this.data.resolve("tracks").resolve("acme").resolve("1.gpx"))
            .hasBinaryContent(bytes("acme's track"));
        assertThat(this.data.resolve("tracks").resolve("globex").resolve("1.gpx"))
            .hasBinaryContent(bytes("globex's track"));
        assertThat(storage.forSchema("acme").rides()).containsExactly(1L);
        assertThat(storage.forSchema("initech").rides()).isEmpty();
    }

    @Test
    void withTenantsTheStorageOfEveryTenantRefusesTracksOfNoTenantAndSchemasThatAreNoDirectoryName() {
        GpxStorage storage = new GpxStorage(this.data, tenant(() -> "acme"));

        assertThatIllegalStateException().isThrownBy(() -> storage.write(1, bytes("whose?")))
            .withMessageContaining("forSchema(migrator.schema())");
        assertThatIllegalStateException().isThrownBy(storage::rides);
        assertThatIllegalArgumentException().isThrownBy(() -> storage.forSchema("../acme"));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.forSchema("acme/tracks"));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.forSchema(".."));
        assertThat(this.data.resolve("tracks")).doesNotExist();
    }

    private static ObjectProvider<CurrentTenant> tenant(@Nullable CurrentTenant tenant) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (tenant != null) {
            beans.addBean("currentTenant", tenant);
        }
        return beans.getBeanProvider(CurrentTenant.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
