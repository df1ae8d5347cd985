package org.allocdiscipline.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.allocdiscipline.releasecheck.CentralLayoutCheck.Module;
import org.allocdiscipline.releasecheck.CentralLayoutCheck.Result;
import org.allocdiscipline.releasecheck.CentralLayoutCheck.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged repositories made by hand, the way a file:// deploy lays them out, one rule broken at a time. */
class CentralLayoutCheckTest {

    private static final String RELEASE = "1.0.0";
    private static final String SNAPSHOT = "1.1.0-SNAPSHOT";
    private static final Module PARENT = new Module("org.example", "example-parent", "pom");
    private static final Module LIBRARY = new Module("org.example", "example-lib", "jar");

    private static final String PARENT_FIELDS = """
              <url>https://example.org/project</url>
              <licenses><license><name>Apache License, Version 2.0</name>
                <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
              <developers><developer><name>Someone</name></developer></developers>
              <scm><url>https://example.org/project</url><connection>scm:git:https://example.org/p.git</connection>
                <developerConnection>scm:git:ssh://example.org/p.git</developerConnection></scm>
            """;

    @TempDir
    Path repository;

    @Test
    void aCompleteReleasePasses() throws IOException {
        stageParent(RELEASE, PARENT_FIELDS);
        stageLibrary(RELEASE, "");

        Result result = check(RELEASE, Rules.staging());

        assertThat(result.problems()).isEmpty();
        assertThat(result.filesChecked()).isEqualTo(5);   // the parent's pom; the library's pom and three jars
    }

    @Test
    void aSnapshotIsReadThroughItsTimestampedNames() throws IOException {
        stageParent(SNAPSHOT, PARENT_FIELDS);
        stageLibrary(SNAPSHOT, "");

        assertThat(check(SNAPSHOT, Rules.staging()).problems()).isEmpty();
        assertThat(check(SNAPSHOT, Rules.strict()).problems())
                .contains("version 1.1.0-SNAPSHOT is a snapshot: Central accepts releases only");
    }

    @Test
    void aMissingJavadocJarFails() throws IOException {
        stageParent(RELEASE, PARENT_FIELDS);
        stageLibrary(RELEASE, "");
        Files.delete(versionDir(LIBRARY, RELEASE).resolve("example-lib-1.0.0-javadoc.jar"));

        assertThat(check(RELEASE, Rules.staging()).problems())
                .containsExactly("org.example:example-lib: no javadoc jar (example-lib-1.0.0-javadoc.jar)");
    }

    @Test
    void aSourcesJarWithoutSourcesFails() throws IOException {
        stageParent(RELEASE, PARENT_FIELDS);
        stageLibrary(RELEASE, "");
        Path sources = versionDir(LIBRARY, RELEASE).resolve("example-lib-1.0.0-sources.jar");
        writeWithChecksums(sources, jar("README.txt"));

        assertThat(check(RELEASE, Rules.staging()).problems()).singleElement().asString()
                .contains("the sources jar example-lib-1.0.0-sources.jar holds no .java file");
    }

    @Test
    void aWrongOrMissingChecksumFails() throws IOException {
        stageParent(RELEASE, PARENT_FIELDS);
        stageLibrary(RELEASE, "");
        Path dir = versionDir(LIBRARY, RELEASE);
        Files.writeString(dir.resolve("example-lib-1.0.0.jar.sha1"), "0".repeat(40));
        Files.delete(dir.resolve("example-lib-1.0.0.pom.md5"));

        assertThat(check(RELEASE, Rules.staging()).problems()).containsExactlyInAnyOrder(
                "org.example:example-lib: no checksum example-lib-1.0.0.pom.md5",
                "org.example:example-lib: example-lib-1.0.0.jar.sha1 says " + "0".repeat(40)
                        + " but the file's SHA-1 is "
                        + CentralLayoutCheck.digest(dir.resolve("example-lib-1.0.0.jar"), "SHA-1"));
    }

    @Test
    void inheritedFieldsCountOnlyWhenTheParentIsStaged() throws IOException {
        stageLibrary(RELEASE, "");   // the parent that holds url, licenses, developers and scm is missing

        assertThat(check(RELEASE, Rules.staging()).problems()).containsExactlyInAnyOrder(
                "org.example:example-parent: not staged (no org/example/example-parent/1.0.0)",
                "org.example:example-lib: neither the POM nor a staged parent has <url>",
                "org.example:example-lib: neither the POM nor a staged parent has <licenses> with a license's name and url",
                "org.example:example-lib: neither the POM nor a staged parent has <developers> with a developer's name or id",
                "org.example:example-lib: neither the POM nor a staged parent has <scm> with url, connection and developerConnection");
    }

    @Test
    void aLicenseWithoutUrlAndAMissingDescriptionFail() throws IOException {
        stageParent(RELEASE, PARENT_FIELDS.replace("<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>", ""));
        stageLibrary(RELEASE, "");
        Path pom = versionDir(LIBRARY, RELEASE).resolve("example-lib-1.0.0.pom");
        writeWithChecksums(pom, Files.readString(pom).replace("<description>A library.</description>", "")
                .getBytes());

        assertThat(check(RELEASE, Rules.staging()).problems()).containsExactlyInAnyOrder(
                "org.example:example-parent: neither the POM nor a staged parent has <licenses> with a license's name and url",
                "org.example:example-lib: the POM has no <description>",
                "org.example:example-lib: neither the POM nor a staged parent has <licenses> with a license's name and url");
    }

    @Test
    void strictRulesWantSignatures() throws IOException {
        stageParent(RELEASE, PARENT_FIELDS);
        stageLibrary(RELEASE, "");

        assertThat(check(RELEASE, Rules.strict()).problems()).hasSize(5)
                .allMatch(problem -> problem.contains("is not signed"));
    }

    @Test
    void mainFailsTheBuildWithEveryProblem() {
        assertThatThrownBy(() -> CentralLayoutCheck.main(new String[] {
                repository.toString(), RELEASE, "org.example:example-lib:jar"}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("breaks Maven Central's rules")
                .hasMessageContaining("org.example:example-lib: not staged");
    }

    private Result check(String version, Rules rules) {
        return CentralLayoutCheck.check(repository, version, List.of(PARENT, LIBRARY), rules);
    }

    private Path versionDir(Module module, String version) {
        return repository.resolve("org/example").resolve(module.artifactId()).resolve(version);
    }

    private void stageParent(String version, String fields) throws IOException {
        String pom = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>example-parent</artifactId>
              <version>%s</version>
              <packaging>pom</packaging>
              <name>Example</name>
              <description>The parent.</description>
            %s</project>
            """.formatted(version, fields);
        stage(PARENT, version, null, "pom", pom.getBytes());
        snapshotMetadata(PARENT, version, "pom");
    }

    private void stageLibrary(String version, String fields) throws IOException {
        String pom = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent><groupId>org.example</groupId><artifactId>example-parent</artifactId><version>%s</version></parent>
              <artifactId>example-lib</artifactId>
              <name>Example library</name>
              <description>A library.</description>
            %s</project>
            """.formatted(version, fields);
        stage(LIBRARY, version, null, "pom", pom.getBytes());
        stage(LIBRARY, version, null, "jar", jar("org/example/Lib.class"));
        stage(LIBRARY, version, "sources", "jar", jar("org/example/Lib.java"));
        stage(LIBRARY, version, "javadoc", "jar", jar("index.html"));
        snapshotMetadata(LIBRARY, version, "pom", "jar", "sources:jar", "javadoc:jar");
    }

    /** Files named as a deploy names them: a snapshot's carry a timestamp and build number. */
    private void stage(Module module, String version, String classifier, String extension, byte[] content)
            throws IOException {
        String fileVersion = version.endsWith("-SNAPSHOT") ? timestamped(version) : version;
        String name = module.artifactId() + "-" + fileVersion + (classifier == null ? "" : "-" + classifier)
                + "." + extension;
        writeWithChecksums(versionDir(module, version).resolve(name), content);
    }

    private static String timestamped(String version) {
        return version.replace("-SNAPSHOT", "-20261206.120000-3");
    }

    private void snapshotMetadata(Module module, String version, String... files) throws IOException {
        if (!version.endsWith("-SNAPSHOT")) {
            return;
        }
        StringBuilder entries = new StringBuilder();
        for (String file : files) {
            String[] parts = file.split(":");
            String classifier = parts.length == 2 ? "<classifier>" + parts[0] + "</classifier>" : "";
            entries.append("<snapshotVersion>").append(classifier)
                    .append("<extension>").append(parts[parts.length - 1]).append("</extension>")
                    .append("<value>").append(timestamped(version)).append("</value></snapshotVersion>");
        }
        Files.writeString(versionDir(module, version).resolve("maven-metadata.xml"),
                "<metadata><versioning><snapshotVersions>" + entries + "</snapshotVersions></versioning></metadata>");
    }

    private static void writeWithChecksums(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.writeString(file.resolveSibling(file.getFileName() + ".md5"), CentralLayoutCheck.digest(file, "MD5"));
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), CentralLayoutCheck.digest(file, "SHA-1"));
    }

    private static byte[] jar(String entry) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = bytes; ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(1);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
