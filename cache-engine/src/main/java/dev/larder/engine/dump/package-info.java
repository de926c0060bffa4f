/**
 * DUMP and RESTORE's payload: Redis 7.0's RDB serialisation of one value (a port of the
 * value half of src/rdb.c, with its listpack, ziplist, zipmap and intset formats), LZF
 * compression (lzf_c.c, lzf_d.c) and the CRC64 footer (crc64.c).
 */
@NullMarked
package dev.larder.engine.dump;

import org.jspecify.annotations.NullMarked;
