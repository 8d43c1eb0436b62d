package org.edulake.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.edulake.contract.Contracts;
import org.edulake.contract.RuleSpec;
import org.edulake.ingest.BronzeLoader;
import org.edulake.spark.Columns;

/**
 * File-level issues from the bronze_files manifest, with the one message template
 * (CONVENTIONS §6): a rejected file (error), a duplicate or header-only file (warn), and every
 * column of the header that is not in the contract (warn, row 1: the header row).
 * Columns: window_id, source, file_name, row_number, column_name, rule, severity, message.
 */
public final class FileIssues {
  public static final String UNKNOWN_COLUMN = "file_unknown_column";
  private static final String REJECTED = BronzeLoader.STATUS_REJECTED;

  private FileIssues() {}

  public static Dataset<Row> fromManifest(Dataset<Row> manifest, Contracts contracts) {
    List<Column> keys = new ArrayList<>();
    List<Column> texts = new ArrayList<>();
    for (RuleSpec r : contracts.builtinRules().values()) {
      keys.add(lit(r.rule()));
      texts.add(struct(lit(r.messageRu()).as("what"), lit(r.fixRu()).as("fix"),
          lit(r.severity()).as("severity")));
    }
    Column rules = map_from_arrays(array(keys.toArray(Column[]::new)),
        array(texts.toArray(Column[]::new)));
    Column file = col(Columns.FILE_NAME);
    Dataset<Row> files = manifest.filter(col("rule").isNotNull())
        .withColumn("t", element_at(rules, col("rule")))
        .withColumn("header", element_at(coalesce(col("header_of"),
            org.apache.spark.sql.functions.map().cast("map<string,string>")), col("column_name")))
        .select(col(Columns.WINDOW).as(Columns.WINDOW_ID), col(Columns.SOURCE).as("source"),
            file.as("file_name"), lit(null).cast("int").as("row_number"), col("column_name"),
            col("rule"),
            when(col("status").equalTo(lit(REJECTED)), lit("error"))
                .otherwise(coalesce(col("t.severity"), lit("warn"))).as("severity"),
            concat(lit("Файл «"), file, lit("»"),
                when(col("column_name").isNotNull(), concat(lit(", столбец «"),
                    coalesce(col("header"), col("column_name")), lit("» ("), col("column_name"),
                    lit(")"))).otherwise(lit("")),
                lit(": "), coalesce(col("t.what"), col("rule")),
                when(col("detail_ru").isNotNull(), concat(lit(" ("), col("detail_ru"), lit(")")))
                    .otherwise(lit("")),
                lit(". Правило "), col("rule"), lit(". "), coalesce(col("t.fix"), lit("")),
                when(col("status").equalTo(lit(REJECTED)), lit(" Файл не загружен."))
                    .otherwise(lit(""))).as("message"));
    RuleSpec unknown = contracts.builtinRule(UNKNOWN_COLUMN);
    Dataset<Row> columns = manifest.filter(col("status").notEqual(lit(REJECTED)))
        .select(col(Columns.WINDOW).as(Columns.WINDOW_ID), col(Columns.SOURCE).as("source"),
            file.as("file_name"), explode_outer(col("unknown_headers")).as("h"))
        .filter(col("h").isNotNull())
        .select(col(Columns.WINDOW_ID), col("source"), col("file_name"),
            lit(1).as("row_number"), lit(null).cast("string").as("column_name"),
            lit(unknown.rule()).as("rule"), lit(unknown.severity()).as("severity"),
            concat(lit("Файл «"), col("file_name"), lit("», строка 1, столбец «"), col("h"),
                lit("»: "), lit(unknown.messageRu()), lit(". Правило "), lit(unknown.rule()),
                lit(". "), lit(unknown.fixRu())).as("message"));
    return files.unionByName(columns);
  }
}
