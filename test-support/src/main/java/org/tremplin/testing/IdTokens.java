package org.tremplin.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * id_tokens signed every way a launch can be right or wrong (the launch corpus's {@code signWith}):
 * by the platform's RSA or EC key, by a stranger's RSA key under the platform's key id, with HMAC,
 * unsigned, or tampered with after signing. Immutable; thread-safe.
 *
 * @param platformRsa the platform's RSA key
 * @param otherRsa a stranger's RSA key (usually under the platform's key id)
 * @param platformEc the platform's P-256 key
 */
public record IdTokens(RSAKey platformRsa, RSAKey otherRsa, ECKey platformEc) {
  /** How a token is signed. */
  public enum Signing {
    /** With the platform's RSA key (or EC key for ES* algorithms). */
    PLATFORM,
    /** With another RSA key under the platform's kid. */
    OTHER,
    /** With an EC key, whatever the kid says. */
    EC,
    /** HMAC with a shared secret. */
    HMAC,
    /** {@code alg: none}, no signature. */
    UNSIGNED,
    /** Signed by the platform, then the payload altered ({@code sub} changed). */
    TAMPERED
  }

  /**
   * Serialises a token with these claims: header {@code alg} and {@code kid} (absent when null),
   * type {@code JWT}, signed as asked.
   */
  public String token(
      Map<String, Object> claims, String alg, @Nullable String kid, Signing signing) {
    try {
      String payload = JSONObjectUtils.toJSONString(claims);
      if (signing == Signing.UNSIGNED || (signing == Signing.EC && !alg.equals("ES256"))) {
        // alg none, or a P-256 signature under another ES header: Nimbus refuses both, so by hand
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", signing == Signing.UNSIGNED ? "none" : alg);
        if (kid != null) {
          header.put("kid", kid);
        }
        String input =
            Base64URL.encode(JSONObjectUtils.toJSONString(header))
                + "."
                + Base64URL.encode(payload);
        if (signing == Signing.UNSIGNED) {
          return input + ".";
        }
        Base64URL signature =
            new ECDSASigner(platformEc)
                .sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + signature;
      }
      JWSHeader.Builder header =
          new JWSHeader.Builder(JWSAlgorithm.parse(alg)).type(JOSEObjectType.JWT);
      if (kid != null) {
        header.keyID(kid);
      }
      JWSObject jws = new JWSObject(header.build(), new Payload(payload));
      jws.sign(signer(alg, signing));
      String serialized = jws.serialize();
      if (signing == Signing.TAMPERED) {
        String[] parts = serialized.split("\\.");
        Map<String, Object> altered = new LinkedHashMap<>(claims);
        altered.put("sub", "someone-else");
        return parts[0]
            + "."
            + Base64URL.encode(JSONObjectUtils.toJSONString(altered))
            + "."
            + parts[2];
      }
      return serialized;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private JWSSigner signer(String alg, Signing signing) throws JOSEException {
    return switch (signing) {
      case HMAC -> new MACSigner(new byte[32]);
      case EC -> new ECDSASigner(platformEc);
      case OTHER -> new RSASSASigner(otherRsa);
      default -> alg.startsWith("ES") ? new ECDSASigner(platformEc) : new RSASSASigner(platformRsa);
    };
  }
}
