package org.edulake.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent Spark writes as concurrent jobs. One job alone leaves cores idle while the
 * driver plans and commits; a few at once keep the executors busy.
 */
public final class Parallel {
  private Parallel() {}

  /** Runs every task, at most {@code threads} at once; the first failure is rethrown as is. */
  public static void run(int threads, List<Callable<Void>> tasks) throws Exception {
    if (tasks.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())),
        r -> {
          Thread t = new Thread(r, "edulake-writer");
          t.setDaemon(true);
          return t;
        });
    try {
      List<Future<Void>> running = new ArrayList<>();
      tasks.forEach(t -> running.add(pool.submit(t)));
      for (Future<Void> f : running) {
        try {
          f.get();
        } catch (ExecutionException failed) {
          running.forEach(other -> other.cancel(true));
          throw failed.getCause() instanceof Exception ex ? ex : failed;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
