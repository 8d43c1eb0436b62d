package org.edulake.contract;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.edulake.spark.Columns;

/** Spark schemas derived from the contracts; never inferred from files. */
public final class SparkSchemas {
  private SparkSchemas() {}

  /** bronze_&lt;source&gt;: every contract column as received (text), then lineage. */
  public static StructType bronze(SourceContract contract) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec c : contract.columns()) {
      fields.add(DataTypes.createStructField(c.name(), StringType, true));
    }
    fields.add(DataTypes.createStructField(Columns.EXTRA,
        DataTypes.createMapType(StringType, StringType), true));
    fields.add(DataTypes.createStructField(Columns.DECODE_ISSUE, StringType, true));
    fields.addAll(List.of(lineage().fields()));
    return DataTypes.createStructType(fields);
  }

  public static StructType lineage() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField(Columns.WINDOW, StringType, false),
        DataTypes.createStructField(Columns.SOURCE, StringType, false),
        DataTypes.createStructField(Columns.FILE_NAME, StringType, false),
        DataTypes.createStructField(Columns.FILE_HASH, StringType, false),
        DataTypes.createStructField(Columns.FILE_MODIFIED_AT, LongType, false),
        DataTypes.createStructField(Columns.ROW_NUMBER, LongType, false),
        DataTypes.createStructField(Columns.BATCH_ID, StringType, false),
        DataTypes.createStructField(Columns.LOADED_AT, TimestampType, false)));
  }

  /** bronze_files: one row per received file (loaded, rejected or duplicate). */
  public static StructType fileManifest() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField(Columns.WINDOW, StringType, false),
        DataTypes.createStructField(Columns.SOURCE, StringType, false),
        DataTypes.createStructField(Columns.FILE_NAME, StringType, false),
        DataTypes.createStructField(Columns.FILE_HASH, StringType, false),
        DataTypes.createStructField(Columns.FILE_MODIFIED_AT, LongType, false),
        DataTypes.createStructField("size_bytes", LongType, false),
        DataTypes.createStructField("encoding", StringType, true),
        DataTypes.createStructField("delimiter", StringType, true),
        DataTypes.createStructField("header_of", DataTypes.createMapType(StringType, StringType), true),
        DataTypes.createStructField("unknown_headers", DataTypes.createArrayType(StringType), true),
        DataTypes.createStructField("status", StringType, false),
        DataTypes.createStructField("rule", StringType, true),
        DataTypes.createStructField("column_name", StringType, true),
        DataTypes.createStructField("detail_ru", StringType, true),
        DataTypes.createStructField("rows", IntegerType, true),
        DataTypes.createStructField(Columns.BATCH_ID, StringType, false),
        DataTypes.createStructField(Columns.LOADED_AT, TimestampType, false)));
  }
}
