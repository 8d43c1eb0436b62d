package org.edulake.contract;

/** A bad file in schemas/: names the file and the key (exit code 1). */
public class ContractException extends RuntimeException {
  public ContractException(String file, String key, String problem) {
    super("schemas/" + file + ": " + key + ": " + problem);
  }

  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
