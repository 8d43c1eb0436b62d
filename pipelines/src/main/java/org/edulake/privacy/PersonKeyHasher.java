package org.edulake.privacy;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.unhex;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;

/**
 * person_key = HMAC-SHA-256(secret, normalised СНИЛС/ИИН), hex (SPEC §6). Built from Spark's
 * sha2 as H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)) so it runs as a column expression on executors,
 * without a UDF; {@link #hmacHex} is the JDK reference the tests compare it with.
 */
public final class PersonKeyHasher {
  private static final int BLOCK = 64;

  private PersonKeyHasher() {}

  public static Column personKey(Column normalisedId, String secret) {
    byte[] key = blockKey(secret);
    byte[] ipad = new byte[BLOCK];
    byte[] opad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      ipad[i] = (byte) (key[i] ^ 0x36);
      opad[i] = (byte) (key[i] ^ 0x5c);
    }
    Column inner = unhex(sha2(concat(lit(ipad), encode(normalisedId, "UTF-8")), 256));
    Column outer = sha2(concat(lit(opad), inner), 256);
    return when(normalisedId.isNotNull(), outer);
  }

  public static String hmacHex(String message, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] blockKey(String secret) {
    byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
    if (raw.length > BLOCK) {
      try {
        raw = MessageDigest.getInstance("SHA-256").digest(raw);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    byte[] key = new byte[BLOCK];
    System.arraycopy(raw, 0, key, 0, raw.length);
    return key;
  }
}
