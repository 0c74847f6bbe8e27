package graphrunner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the {@code build.properties} Maven fills in when it packages. */
public final class BuildInfo {
  private static final String VERSION = readVersion();

  private BuildInfo() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the classes were not built by Maven. */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
