package org.edulake.pipeline;

/** One or more received files were rejected as a whole (exit code 2); the rest was loaded. */
public class BatchRejectedException extends RuntimeException {
  public BatchRejectedException(String messageRu) {
    super(messageRu);
  }
}
