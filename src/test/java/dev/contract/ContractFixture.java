package dev.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A contract fixture under {@code src/test/resources/expressplay/}: header lines
 * {@code # key: value} (the first, {@code source}, names the documentation page the example comes
 * from, or says "assumed"), then the body as ExpressPlay would send it. One reader for the
 * simulator's tests and Tether's: the fixtures are the documentation's, neither side's code.
 */
public record ContractFixture(String name, Map<String, String> headers, String body) {

    public static Stream<ContractFixture> all(String folder) {
        try (Stream<Path> files = Files.list(Path.of(
                ContractFixture.class.getClassLoader().getResource(folder).toURI()))) {
            return files
                    .filter(file -> file.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .map(ContractFixture::read)
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ContractFixture read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            int i = 0;
            for (; i < lines.size() && lines.get(i).startsWith("# "); i++) {
                String line = lines.get(i).substring(2);
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
            String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
            return new ContractFixture(name, headers, String.join("\n", lines.subList(i, lines.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> header(String key) {
        return Optional.ofNullable(headers.get(key));
    }

    public String required(String key) {
        return header(key).orElseThrow(() -> new IllegalStateException(name + " has no '" + key + "' header"));
    }

    @Override
    public String toString() {
        return name;
    }
}
