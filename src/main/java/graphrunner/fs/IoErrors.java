package graphrunner.fs;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What a failed file operation was, in words. Java's commonest file exceptions carry only the
 * path as their message, the kind of failure being their class: "cannot write /a/b: /a/b" would
 * tell the user nothing.
 */
public final class IoErrors {
  private IoErrors() {}

  /** "permission denied (/a/b)", or the exception's own "/a/b: No space left on device". */
  public static String reason(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (cause instanceof FileSystemException failure && failure.getReason() == null) {
      String files = failure.getOtherFile() == null ? failure.getFile()
          : failure.getFile() + ", " + failure.getOtherFile();
      return files == null ? kind(failure) : kind(failure) + " (" + files + ")";
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static String kind(FileSystemException failure) {
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (failure instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (failure instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (failure instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    }
    return "failed";
  }
}
