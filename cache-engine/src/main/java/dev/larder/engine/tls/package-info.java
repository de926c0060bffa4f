/**
 * TLS for the engine's RESP port: where its keys and trust come from (a caller's
 * {@code SSLContext} or key and trust managers, or PEM files as Redis's tls-cert-file,
 * tls-key-file and tls-ca-cert-file name them) and how clients are checked.
 */
@NullMarked
package dev.larder.engine.tls;

import org.jspecify.annotations.NullMarked;
