package org.allocdiscipline.releasecheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Checks a staged Maven repository (what {@code deploy} wrote into a directory) against the rules
 * that Maven Central applies to a deployment: every published module has a POM with coordinates,
 * name, description, url, licenses, developers and scm (the last four may come from a parent that is
 * published too); a {@code jar} module also has its sources and javadoc jars; every file has correct
 * {@code .md5} and {@code .sha1} checksums. Signatures ({@code .asc}) and a release version are
 * Central's rules too, but a local staging is unsigned and a snapshot is allowed there: they are
 * checked only when asked for ({@link Rules#strict()}).
 */
public final class CentralLayoutCheck {

    /** A module that must be in the staging: its packaging decides which files it must have. */
    public record Module(String groupId, String artifactId, String packaging) {

        /** Parses {@code groupId:artifactId:packaging}. */
        public static Module parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected groupId:artifactId:packaging, got " + text);
            }
            return new Module(parts[0], parts[1], parts[2]);
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId;
        }
    }

    /** Which of Central's rules a local staging cannot meet are checked too. */
    public record Rules(boolean requireSignatures, boolean requireReleaseVersion) {

        /** A local, unsigned staging of a snapshot. */
        public static Rules staging() {
            return new Rules(false, false);
        }

        /** Everything Central asks for. */
        public static Rules strict() {
            return new Rules(true, true);
        }
    }

    /** What the check found: the problems (none means the layout passes) and how many files it read. */
    public record Result(List<String> problems, int filesChecked) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final Path repository;
    private final String version;
    private final Rules rules;
    private final List<String> problems = new ArrayList<>();
    private int filesChecked;

    private CentralLayoutCheck(Path repository, String version, Rules rules) {
        this.repository = repository;
        this.version = version;
        this.rules = rules;
    }

    /** Checks every module of {@code version} in the staged {@code repository}. */
    public static Result check(Path repository, String version, List<Module> modules, Rules rules) {
        CentralLayoutCheck check = new CentralLayoutCheck(repository, version, rules);
        if (!Files.isDirectory(repository)) {
            check.problems.add("no staged repository at " + repository);
        } else {
            if (rules.requireReleaseVersion() && version.endsWith("-SNAPSHOT")) {
                check.problems.add("version " + version + " is a snapshot: Central accepts releases only");
            }
            for (Module module : modules) {
                check.module(module);
            }
        }
        return new Result(List.copyOf(check.problems), check.filesChecked);
    }

    private void module(Module module) {
        Path dir = versionDirectory(module.groupId(), module.artifactId(), version);
        if (!Files.isDirectory(dir)) {
            problems.add(module + ": not staged (no " + repository.relativize(dir) + ")");
            return;
        }
        Optional<Path> pom = artifactFile(module, dir, null, "pom");
        if (pom.isEmpty()) {
            return;
        }
        pomFields(module, pom.get());
        if (module.packaging().equals("jar")) {
            artifactFile(module, dir, null, "jar")
                    .ifPresent(jar -> jarHolds(module, jar, "the main jar", ".class"));
            artifactFile(module, dir, "sources", "jar")
                    .ifPresent(jar -> jarHolds(module, jar, "the sources jar", ".java"));
            artifactFile(module, dir, "javadoc", "jar")
                    .ifPresent(jar -> jarHolds(module, jar, "the javadoc jar", "index.html"));
        }
    }

    private Path versionDirectory(String groupId, String artifactId, String version) {
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
    }

    /**
     * The file of one artifact, with its checksums (and signature) checked. A snapshot's files carry
     * a timestamp instead of {@code -SNAPSHOT}: the version directory's metadata names it.
     */
    private Optional<Path> artifactFile(Module module, Path dir, String classifier, String extension) {
        String what = (classifier == null ? "" : classifier + " ") + extension;
        String fileVersion = version;
        if (version.endsWith("-SNAPSHOT")) {
            Optional<String> timestamped = snapshotValue(dir, classifier, extension);
            if (timestamped.isEmpty()) {
                problems.add(module + ": the snapshot metadata in " + repository.relativize(dir)
                        + " names no " + what);
                return Optional.empty();
            }
            fileVersion = timestamped.get();
        }
        String name = module.artifactId() + "-" + fileVersion
                + (classifier == null ? "" : "-" + classifier) + "." + extension;
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(module + ": no " + what + " (" + name + ")");
            return Optional.empty();
        }
        filesChecked++;
        checksum(module, file, "md5", "MD5");
        checksum(module, file, "sha1", "SHA-1");
        if (rules.requireSignatures() && !Files.isRegularFile(dir.resolve(name + ".asc"))) {
            problems.add(module + ": " + name + " is not signed (no " + name + ".asc)");
        }
        return Optional.of(file);
    }

    private Optional<String> snapshotValue(Path dir, String classifier, String extension) {
        Path metadata = dir.resolve("maven-metadata.xml");
        if (!Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        Document document = parse(metadata);
        if (document == null) {
            return Optional.empty();
        }
        Element versions = firstElement(document.getDocumentElement(), "versioning", "snapshotVersions");
        for (Element entry : children(versions, "snapshotVersion")) {
            String entryClassifier = text(entry, "classifier");
            boolean sameClassifier = classifier == null ? entryClassifier.isEmpty() : classifier.equals(entryClassifier);
            if (sameClassifier && extension.equals(text(entry, "extension"))) {
                return Optional.of(text(entry, "value"));
            }
        }
        return Optional.empty();
    }

    private void checksum(Module module, Path file, String suffix, String algorithm) {
        Path sum = file.resolveSibling(file.getFileName() + "." + suffix);
        if (!Files.isRegularFile(sum)) {
            problems.add(module + ": no checksum " + sum.getFileName());
            return;
        }
        try {
            String expected = Files.readString(sum).trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
            String actual = digest(file, algorithm);
            if (!expected.equals(actual)) {
                problems.add(module + ": " + sum.getFileName() + " says " + expected + " but the file's "
                        + algorithm + " is " + actual);
            }
        } catch (IOException e) {
            problems.add(module + ": cannot read " + sum.getFileName() + ": " + e.getMessage());
        }
    }

    static String digest(Path file, String algorithm) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a standard algorithm", e);
        }
    }

    private void jarHolds(Module module, Path jar, String what, String nameSuffix) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean found = zip.stream().map(ZipEntry::getName).anyMatch(name -> name.endsWith(nameSuffix));
            if (!found) {
                problems.add(module + ": " + what + " " + jar.getFileName() + " holds no " + nameSuffix + " file");
            }
        } catch (IOException e) {
            problems.add(module + ": " + what + " " + jar.getFileName() + " is not a readable jar: " + e.getMessage());
        }
    }

    /**
     * The POM fields that Central requires. Coordinates, name and description must be the module's
     * own; url, licenses, developers and scm may be inherited from a parent staged alongside.
     */
    private void pomFields(Module module, Path pomFile) {
        Document pom = parse(pomFile);
        if (pom == null) {
            problems.add(module + ": " + pomFile.getFileName() + " is not well-formed XML");
            return;
        }
        Element project = pom.getDocumentElement();
        String groupId = text(project, "groupId");
        if (groupId.isEmpty()) {
            groupId = text(project, "parent", "groupId");
        }
        String projectVersion = text(project, "version");
        if (projectVersion.isEmpty()) {
            projectVersion = text(project, "parent", "version");
        }
        if (!groupId.equals(module.groupId()) || !text(project, "artifactId").equals(module.artifactId())
                || !projectVersion.equals(version)) {
            problems.add(module + ": the POM's coordinates are " + groupId + ":" + text(project, "artifactId")
                    + ":" + projectVersion + ", not " + module + ":" + version);
        }
        String packaging = text(project, "packaging");
        if (!(packaging.isEmpty() ? "jar" : packaging).equals(module.packaging())) {
            problems.add(module + ": the POM's packaging is " + (packaging.isEmpty() ? "jar (default)" : packaging)
                    + ", expected " + module.packaging());
        }
        for (String field : List.of("name", "description")) {
            if (text(project, field).isBlank()) {
                problems.add(module + ": the POM has no <" + field + ">");
            }
        }
        requireInherited(module, project, "<url>", p -> !text(p, "url").isBlank());
        requireInherited(module, project, "<licenses> with a license's name and url",
                p -> children(firstElement(p, "licenses"), "license").stream()
                        .anyMatch(l -> !text(l, "name").isBlank() && !text(l, "url").isBlank()));
        requireInherited(module, project, "<developers> with a developer's name or id",
                p -> children(firstElement(p, "developers"), "developer").stream()
                        .anyMatch(d -> !text(d, "name").isBlank() || !text(d, "id").isBlank()));
        requireInherited(module, project, "<scm> with url, connection and developerConnection",
                p -> !text(p, "scm", "url").isBlank() && !text(p, "scm", "connection").isBlank()
                        && !text(p, "scm", "developerConnection").isBlank());
    }

    private interface PomTest {
        boolean holds(Element project);
    }

    private void requireInherited(Module module, Element project, String what, PomTest test) {
        Element current = project;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (test.holds(current)) {
                return;
            }
            current = stagedParent(current);
        }
        problems.add(module + ": neither the POM nor a staged parent has " + what);
    }

    /** The parent's POM when the parent is staged too (Central resolves inherited fields only from there). */
    private Element stagedParent(Element project) {
        Element parent = firstElement(project, "parent");
        if (parent == null) {
            return null;
        }
        String parentVersion = text(parent, "version");
        Path dir = versionDirectory(text(parent, "groupId"), text(parent, "artifactId"), parentVersion);
        String fileVersion = parentVersion;
        if (parentVersion.endsWith("-SNAPSHOT")) {
            Optional<String> timestamped = snapshotValue(dir, null, "pom");
            if (timestamped.isEmpty()) {
                return null;
            }
            fileVersion = timestamped.get();
        }
        Path file = dir.resolve(text(parent, "artifactId") + "-" + fileVersion + ".pom");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Document document = parse(file);
        return document == null ? null : document.getDocumentElement();
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            try (InputStream in = Files.newInputStream(file)) {
                return factory.newDocumentBuilder().parse(in);
            }
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return null;
        }
    }

    private static Element firstElement(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            List<Element> matches = children(current, name);
            current = matches.isEmpty() ? null : matches.getFirst();
        }
        return current;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static String text(Element parent, String... path) {
        Element element = firstElement(parent, path);
        return element == null ? "" : element.getTextContent().trim();
    }

    /**
     * {@code CentralLayoutCheck [--strict] <staged repository> <version> <groupId:artifactId:packaging>...}:
     * prints what it checked and fails (an exception, so that a Maven build stops) on any problem.
     */
    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        Rules rules = arguments.remove("--strict") ? Rules.strict() : Rules.staging();
        if (arguments.size() < 3) {
            throw new IllegalArgumentException(
                    "usage: CentralLayoutCheck [--strict] <staged repository> <version> <groupId:artifactId:packaging>...");
        }
        Path repository = Path.of(arguments.get(0));
        String version = arguments.get(1);
        List<Module> modules = arguments.subList(2, arguments.size()).stream().map(Module::parse).toList();
        Result result = check(repository, version, modules, rules);
        if (!result.passed()) {
            throw new IllegalStateException("The staged release in " + repository + " breaks Maven Central's rules:\n  "
                    + String.join("\n  ", result.problems()));
        }
        System.out.println("release-check: " + modules.size() + " modules, " + result.filesChecked()
                + " files with their checksums, POM fields, sources and javadoc jars as Maven Central requires"
                + (rules.requireSignatures() ? ", signed" : " (unsigned local staging"
                        + (version.endsWith("-SNAPSHOT") ? " of a snapshot)" : ")")));
    }
}
