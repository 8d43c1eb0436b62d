package org.edulake.report;

import java.util.List;

/**
 * The validate command's report as one self-contained HTML page in Russian, for the steward to
 * send back to schools: one row per received file, then every issue with its message. Every
 * value from a file goes through {@link SafeText#cell}.
 */
public final class ValidationReportHtml {
  private ValidationReportHtml() {}

  /** One received file: window, name, status (loaded, rejected, duplicate), rows, errors. */
  public record FileLine(String windowId, String fileName, String status, long rows, long errors,
      long warnings) {}

  /** One issue: window, file, row (null for the whole file), severity and message. */
  public record IssueLine(String windowId, String fileName, Integer row, String severity,
      String message) {}

  public static String render(String inbox, List<FileLine> files, List<IssueLine> issues) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Проверка файлов EduLake</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;")
        .append("margin-bottom:2em}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;")
        .append("vertical-align:top}th{background:#eee}.rejected{background:#fdd}")
        .append(".duplicate{background:#ffd}.error{color:#a00}.warn{color:#850}\n</style>\n</head>\n<body>\n")
        .append("<h1>Проверка файлов</h1>\n<p>Папка: ").append(SafeText.cell(inbox)).append("</p>\n");
    long rejected = files.stream().filter(f -> "rejected".equals(f.status())).count();
    long errors = issues.stream().filter(i -> "error".equals(i.severity())).count();
    sb.append("<p>Файлов: ").append(files.size()).append(", отклонено: ").append(rejected)
        .append(", замечаний: ").append(issues.size()).append(" (ошибок: ").append(errors)
        .append(").</p>\n");
    sb.append("<h2>Файлы</h2>\n<table>\n<tr><th>Окно</th><th>Файл</th><th>Итог</th>")
        .append("<th>Строк</th><th>Ошибок</th><th>Предупреждений</th></tr>\n");
    for (FileLine f : files) {
      sb.append("<tr class=\"").append(SafeText.escapeHtml(f.status())).append("\"><td>")
          .append(SafeText.cell(f.windowId())).append("</td><td>").append(SafeText.cell(f.fileName()))
          .append("</td><td>").append(statusRu(f.status())).append("</td><td>").append(f.rows())
          .append("</td><td>").append(f.errors()).append("</td><td>").append(f.warnings())
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Замечания</h2>\n");
    if (issues.isEmpty()) {
      sb.append("<p>Замечаний нет.</p>\n");
    } else {
      sb.append("<table>\n<tr><th>Окно</th><th>Файл</th><th>Строка</th><th>Важность</th>")
          .append("<th>Сообщение</th></tr>\n");
      for (IssueLine i : issues) {
        sb.append("<tr><td>").append(SafeText.cell(i.windowId())).append("</td><td>")
            .append(SafeText.cell(i.fileName())).append("</td><td>")
            .append(i.row() == null ? "весь файл" : i.row().toString()).append("</td><td class=\"")
            .append(SafeText.escapeHtml(i.severity())).append("\">")
            .append("error".equals(i.severity()) ? "ошибка" : "предупреждение").append("</td><td>")
            .append(SafeText.cell(i.message())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  static String statusRu(String status) {
    return switch (status == null ? "" : status) {
      case "loaded" -> "принят";
      case "rejected" -> "отклонён";
      case "duplicate" -> "повтор, не загружен";
      default -> SafeText.escapeHtml(status);
    };
  }
}
