package org.edulake.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.edulake.config.UsageException;
import org.edulake.config.WindowId;
import org.edulake.contract.SourceContract;

/**
 * Lists {@code <inbox>/<YYYY-MM>/<source folder>/*.csv|*.tsv|*.txt|*.xlsx} through Hadoop's
 * FileSystem, so the same code lists a local folder, HDFS or S3.
 */
public final class InboxScanner {
  private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".xlsx");

  private InboxScanner() {}

  public static List<WindowId> windows(String inboxUri, Configuration hadoop) {
    try {
      Path root = new Path(inboxUri);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new UsageException("inbox folder not found: " + inboxUri);
      }
      List<WindowId> windows = new ArrayList<>();
      for (FileStatus st : fs.listStatus(root)) {
        if (st.isDirectory() && WindowId.isWindowId(st.getPath().getName())) {
          windows.add(WindowId.of(st.getPath().getName()));
        }
      }
      windows.sort(Comparator.naturalOrder());
      return windows;
    } catch (IOException e) {
      throw new UsageException("cannot list inbox " + inboxUri + ": " + e.getMessage());
    }
  }

  public static List<InboxFile> files(String inboxUri, Set<WindowId> windows,
      List<SourceContract> sources, Configuration hadoop) {
    List<InboxFile> out = new ArrayList<>();
    try {
      Path root = new Path(inboxUri);
      FileSystem fs = root.getFileSystem(hadoop);
      for (WindowId w : windows) {
        for (SourceContract source : sources) {
          Path dir = new Path(new Path(root, w.value()), source.inboxFolder());
          if (!fs.exists(dir)) {
            continue;
          }
          for (FileStatus st : fs.listStatus(dir)) {
            String name = st.getPath().getName();
            if (st.isFile() && !name.startsWith(".") && !name.startsWith("~$")
                && EXTENSIONS.stream().anyMatch(ext -> name.toLowerCase().endsWith(ext))) {
              out.add(new InboxFile(w.value(), source.source(), st.getPath().toUri().toString(),
                  source.inboxFolder() + "/" + name, st.getLen(), st.getModificationTime()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UsageException("cannot list inbox " + inboxUri + ": " + e.getMessage());
    }
    out.sort(Comparator.comparing(InboxFile::windowId).thenComparing(InboxFile::source)
        .thenComparing(InboxFile::fileName));
    return out;
  }
}
