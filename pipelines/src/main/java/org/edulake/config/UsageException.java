package org.edulake.config;

/** Bad arguments or configuration: exit code 64. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
