package graphrunner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of the fields of a JSON object that came from {@code file}: a field that is
 * missing or null is empty, one of the wrong type is a {@link DamagedRun} naming the file and
 * the field, so a hand-edited file fails in one line instead of deep inside Gson.
 */
public record JsonFields(Path file, JsonObject json) {

  public Optional<String> string(String field) {
    return present(field).map(value -> {
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        throw wrongType(field, "a string");
      }
      return value.getAsString();
    });
  }

  public Optional<Long> wholeNumber(String field) {
    return present(field).map(value -> {
      if (!isNumber(value)) {
        throw wrongType(field, "a number");
      }
      return value.getAsLong();
    });
  }

  public Optional<Boolean> bool(String field) {
    return present(field).map(value -> {
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
        throw wrongType(field, "true or false");
      }
      return value.getAsBoolean();
    });
  }

  /** A figure: NaN when missing or null; a number or a number in text ("NaN", "Infinity"). */
  public double figure(String field) {
    Optional<JsonElement> present = present(field);
    if (present.isEmpty()) {
      return Double.NaN;
    }
    JsonElement value = present.get();
    if (isNumber(value)) {
      return value.getAsDouble();
    }
    try {
      if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
        return Double.parseDouble(value.getAsString()); // NaN and Infinity are written as text
      }
    } catch (NumberFormatException e) {
      // not a number in words either
    }
    throw wrongType(field, "a number");
  }

  public Optional<JsonObject> object(String field) {
    return present(field).map(value -> {
      if (!value.isJsonObject()) {
        throw wrongType(field, "an object");
      }
      return value.getAsJsonObject();
    });
  }

  public Optional<JsonArray> array(String field) {
    return present(field).map(value -> {
      if (!value.isJsonArray()) {
        throw wrongType(field, "an array");
      }
      return value.getAsJsonArray();
    });
  }

  /** An array whose every element is a string, such as recorded command-line arguments. */
  public Optional<List<String>> strings(String field) {
    return array(field).map(array -> {
      List<String> values = new ArrayList<>();
      for (JsonElement element : array) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
          throw wrongType(field, "an array of strings");
        }
        values.add(element.getAsString());
      }
      return values;
    });
  }

  /** An array whose every element is an object, read with the same checks. */
  public Optional<List<JsonFields>> objects(String field) {
    return array(field).map(array -> {
      List<JsonFields> values = new ArrayList<>();
      for (JsonElement element : array) {
        if (!element.isJsonObject()) {
          throw wrongType(field, "an array of objects");
        }
        values.add(new JsonFields(file, element.getAsJsonObject()));
      }
      return values;
    });
  }

  private Optional<JsonElement> present(String field) {
    JsonElement value = json.get(field);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
  }

  private static boolean isNumber(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
  }

  private DamagedRun wrongType(String field, String expected) {
    return new DamagedRun(file + ": \"" + field + "\" is not " + expected);
  }
}
