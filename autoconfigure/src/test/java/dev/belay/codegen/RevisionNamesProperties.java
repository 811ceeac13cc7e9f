package dev.belay.codegen;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.lang.model.SourceVersion;

import dev.belay.revision.MigrationRevision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a message holds (quotes, comment ends, unicode escapes, line breaks, accents, emoji,
 * nothing), the revision gets an id that sorts by time and a valid Java class name, and its source
 * compiles with the message kept exactly in the annotation.
 */
class RevisionNamesProperties {

    @Property
    void idsStartWithTheTimeAndHoldOnlyLowerCaseLettersDigitsAndUnderscores(@ForAll("times") LocalDateTime time,
            @ForAll("messages") String message) {
        String id = RevisionNames.id(time, message);
        assertThat(id).matches("\\d{8}_\\d{6}(_[a-z0-9]+)*");
        assertThat(id).startsWith(String.format("%04d%02d%02d_%02d%02d%02d", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond()));
        assertThat(id.length()).isLessThanOrEqualTo(15 + 1 + 48);
    }

    @Property
    void classNamesAreJavaNamesThatSortLikeTheIds(@ForAll("times") LocalDateTime time,
            @ForAll("messages") String message) {
        String className = RevisionNames.className(time, message);
        assertThat(SourceVersion.isIdentifier(className) && !SourceVersion.isKeyword(className)).isTrue();
        assertThat(className).matches("V\\d{8}_\\d{6}(_[A-Za-z0-9]+)?");
        assertThat(className.substring(1, 16)).isEqualTo(RevisionNames.id(time, message).substring(0, 15));
    }

    @Property(tries = 20)
    void revisionsWithAnyMessagesCompileAndKeepTheMessage(@ForAll @Size(min = 1, max = 25) List<@net.jqwik.api.From("messages") String> messages) {
        RevisionGenerator generator = new RevisionGenerator();
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, String> messageByClass = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            RevisionHeader header = RevisionHeader.of("dev.belay.generated.names" + i,
                    LocalDateTime.of(2026, 1, 1, 0, 0, i), messages.get(i), List.of("parent"));
            sources.put(header.qualifiedClassName(), generator.merge(new RevisionHeader(header.packageName(),
                    header.className(), header.id(), List.of("a", "b"), header.message())).source());
            messageByClass.put(header.qualifiedClassName(), messages.get(i));
        }
        ClassLoader loader = TestCompiler.compile(sources);
        messageByClass.forEach((className, message) -> {
            try {
                assertThat(loader.loadClass(className).getAnnotation(MigrationRevision.class).message())
                    .isEqualTo(message);
            }
            catch (ClassNotFoundException ex) {
                throw new AssertionError(ex);
            }
        });
    }

    @Provide
    Arbitrary<LocalDateTime> times() {
        return Arbitraries.longs()
            .between(0, 4_000_000_000L)
            .map((seconds) -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(seconds));
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> nasty = Arbitraries.of("", " ", "add author", "Add \"quoted\" name", "it's */ over",
                "\\u000a break", "\\\\u002a/ sneaky", "line\nbreak\r\nand more", "Größe ändern", "emoji 🚲 ride",
                "العربية", "<b>&amp;</b> @param x {@code y}", "$name $$", "a".repeat(300), "___", "日本語のメッセージ",
                "tab\there", "\u2028separator\u2029", "class", "1st revision");
        return Arbitraries.oneOf(nasty, Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("\"'\\*/@<>&$u0a ").ofMaxLength(30));
    }

}
