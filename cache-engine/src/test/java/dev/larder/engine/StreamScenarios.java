package dev.larder.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios of {@link StreamDifferentialTest}: command lines joined by {@code " ; "}.
 */
final class StreamScenarios {

	private StreamScenarios() {
	}

	/** {@code n} entries with IDs 1-1 to n-1 (fields a and b), in key {@code key}. */
	static String fill(String key, int n) {
		StringBuilder sb = new StringBuilder();
		for (int i = 1; i <= n; i++) {
			if (i > 1) {
				sb.append(" ; ");
			}
			sb.append("XADD ").append(key).append(' ').append(i).append("-1 a ").append(i).append(" b x");
		}
		return sb.toString();
	}

	static List<String> all() {
		List<String> s = new ArrayList<>();
		// XADD: IDs, errors, options
		s.add("XADD s 1-1 f v ; XADD s 1-1 f v ; XADD s 1-0 f v ; XADD s 1-2 f v ; XADD s 0-0 f v ; XADD s2 0-0 f v ; EXISTS s2");
		s.add("XADD s 5-* f v ; XADD s 5-* f v ; XADD s 6-* f v ; XADD s 4-* f v ; XADD s 0-* f v ; XADD n 0-* f v");
		s.add("XADD s 18446744073709551615-18446744073709551615 f v ; XADD s * f v ; XADD s 18446744073709551615-* f v");
		s.add("XADD s 7-18446744073709551615 f v ; XADD s 7-* f v ; XLEN s");
		s.add("XADD s 99999999999999-18446744073709551615 f v ; XADD s * f v ; XADD s 100000000000000-1 f v");
		s.add("XADD s 1 f v ; XADD s 2 f v ; XRANGE s - +");
		s.add("XADD s f v ; XADD s 1-1 f ; XADD s 1-1 ; XADD s 1-1 f v g ; XADD s ; XADD s *");
		s.add("XADD s abc f v ; XADD s 1-x f v ; XADD s -1 f v ; XADD s 1-1-1 f v ; XADD s - f v ; XADD s + f v ; XADD s ␠5 f v ; XADD s +6 f v ; XADD s 18446744073709551616 f v ; XADD s -0 f v ; XRANGE s - +");
		s.add("XADD s NOMKSTREAM * f v ; EXISTS s ; XADD s NOMKSTREAM 1-1 f v ; XADD s 1-1 f v ; XADD s NOMKSTREAM 2-1 f v ; XLEN s");
		s.add("SET str x ; XADD str 1-1 f v ; XLEN str ; XRANGE str - + ; XDEL str 1-1 ; XTRIM str MAXLEN 1 ; XINFO STREAM str ; XSETID str 1-1 ; XREAD STREAMS str 0");
		s.add("XADD s MAXLEN 2 1-1 f v ; XADD s MAXLEN 2 2-1 f v ; XADD s MAXLEN 2 3-1 f v ; XRANGE s - + ; XADD s MAXLEN = 1 4-1 f v ; XRANGE s - +");
		s.add("XADD s MAXLEN -1 1-1 f v ; XADD s MAXLEN x 1-1 f v ; XADD s MAXLEN ~ x 1-1 f v ; XADD s LIMIT 5 1-1 f v ; XADD s MAXLEN 5 LIMIT 5 1-1 f v ; XADD s MAXLEN ~ 5 LIMIT -1 1-1 f v ; XADD s LIMIT 0 1-1 f v ; EXISTS s");
		s.add("XADD s MAXLEN 1 MINID 1 1-1 f v ; XADD s MINID 1 MAXLEN 1 1-1 f v ; XADD s MINID x 1-1 f v ; XADD s MINID - 1-1 f v ; XADD s MINID ~ 5 1-1 f v ; XADD s MINID = 5 2-1 f v ; XRANGE s - +");
		s.add("XADD s MAXLEN ; XADD s MAXLEN 1 ; XADD s MAXLEN ~ 1 ; XADD s NOMKSTREAM ; XADD s LIMIT");
		s.add(fill("s", 10) + " ; XADD s MINID 5 11-1 f v ; XRANGE s - + ; XADD s MINID 20 12-1 f v ; XRANGE s - +");
		// XRANGE / XREVRANGE
		s.add(fill("s", 10)
				+ " ; XRANGE s - + ; XREVRANGE s + - ; XRANGE s 3 5 ; XRANGE s (3-1 (5-1 ; XRANGE s 3-2 5 ; XREVRANGE s 5 3 ; XREVRANGE s (5-1 (3-1 ; XRANGE s 5 3 ; XRANGE s - + COUNT 3 ; XREVRANGE s + - COUNT 3 ; XRANGE s - + COUNT 0 ; XRANGE s - + COUNT -1 ; XRANGE s - + COUNT x ; XRANGE s - + COUNT ; XRANGE s - + FOO 1 ; XRANGE s - + COUNT 1 COUNT 2");
		s.add(fill("s", 3)
				+ " ; XRANGE s (- + ; XRANGE s - (+ ; XRANGE s ( + ; XRANGE s (18446744073709551615-18446744073709551615 + ; XRANGE s - (0-0 ; XRANGE s (0 + ; XRANGE s ((1 + ; XRANGE s x + ; XRANGE s - y ; XRANGE missing - + ; XRANGE missing - + COUNT 0 ; SET str x ; XRANGE str - + COUNT 0 ; XRANGE str - +");
		s.add(fill("s", 5)
				+ " ; XRANGE s 2 2 ; XRANGE s 2-1 2-1 ; XRANGE s 2-2 + ; XREVRANGE s 2 - ; XRANGE s 18446744073709551615 + ; XRANGE s 0 18446744073709551615-18446744073709551615");
		// XDEL, XLEN
		s.add(fill("s", 5)
				+ " ; XDEL s 2-1 4-1 9-9 ; XLEN s ; XRANGE s - + ; XDEL s 1-1 ; XINFO STREAM s ; XDEL s x ; XDEL s 3-1 x ; XLEN s ; XDEL missing 1-1 ; XDEL s - ; XDEL s + ; XDEL s 3-1 3-1 5-1 ; XLEN s ; EXISTS s ; XINFO STREAM s");
		// XTRIM
		s.add(fill("s", 10)
				+ " ; XTRIM s MAXLEN 5 ; XRANGE s - + ; XTRIM s MINID 8 ; XRANGE s - + ; XTRIM s MAXLEN 0 ; XLEN s ; EXISTS s ; XINFO STREAM s");
		s.add("XTRIM s MAXLEN 1 ; XTRIM s ; XTRIM s FOO ; XTRIM s MAXLEN ; XTRIM s LIMIT 1 ; XTRIM s MAXLEN 1 LIMIT 1 ; XTRIM s MAXLEN ~ 1 LIMIT 1 ; XTRIM s MAXLEN 1 MINID 1 ; XTRIM s MAXLEN 1 FOO ; XTRIM s MAXLEN = 1 ; XTRIM s MINID ~ 1 ; XTRIM s MAXLEN -5");
		s.add(fill("s", 350)
				+ " ; XTRIM s MAXLEN ~ 250 ; XLEN s ; XTRIM s MAXLEN ~ 10 LIMIT 150 ; XLEN s ; XTRIM s MAXLEN ~ 10 LIMIT 100 ; XLEN s ; XINFO STREAM s ; XTRIM s MAXLEN ~ 0 ; XLEN s ; XTRIM s MINID ~ 349 ; XLEN s ; XTRIM s MAXLEN = 3 ; XLEN s ; XINFO STREAM s");
		s.add(fill("s", 250)
				+ " ; XTRIM s MINID ~ 150 ; XLEN s ; XRANGE s - + COUNT 1 ; XTRIM s MINID 150 ; XRANGE s - + COUNT 1 ; XADD s MAXLEN ~ 30 251-1 f v ; XLEN s");
		s.add("CONFIG SET stream-node-max-entries 3 ; " + fill("s", 10)
				+ " ; XTRIM s MAXLEN ~ 5 ; XLEN s ; XDEL s 7-1 8-1 9-1 ; XINFO STREAM s ; XTRIM s MAXLEN ~ 1 ; XLEN s ; XINFO STREAM s");
		s.add("CONFIG SET stream-node-max-bytes 60 ; " + fill("s", 10)
				+ " ; XTRIM s MAXLEN ~ 5 ; XLEN s ; XINFO STREAM s");
		s.add("CONFIG SET stream-node-max-bytes 200 ; XADD s 1-1 a aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ; XADD s 2-1 b bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb ; XADD s 3-1 a 12345 ; XADD s 4-1 a 123456789012 c d ; XADD s 5-1 x y ; XADD s 6-1 x y ; XADD s 7-1 x y ; XTRIM s MAXLEN ~ 1 ; XLEN s");
		// XSETID
		s.add("XSETID s 1-1 ; " + fill("s", 3)
				+ " ; XSETID s 2-1 ; XSETID s 3-1 ; XSETID s 10-1 ; XADD s 5-1 f v ; XINFO STREAM s ; XSETID s 20 ENTRIESADDED 2 ; XSETID s 20 ENTRIESADDED 100 MAXDELETEDID 15-0 ; XINFO STREAM s ; XSETID s 10 MAXDELETEDID 11 ; XSETID s 30 MAXDELETEDID 10 ; XSETID s 14 ; XSETID s 16");
		s.add("XADD s 1-1 f v ; XSETID s x ; XSETID s - ; XSETID s 5 ENTRIESADDED -1 ; XSETID s 5 ENTRIESADDED x ; XSETID s 5 FOO ; XSETID s 5 ENTRIESADDED ; XSETID s 5 MAXDELETEDID x ; XDEL s 1-1 ; XSETID s 0-1 ; XSETID s 1-1 ; XSETID s 0-5 ; XINFO STREAM s");
		// XINFO STREAM
		s.add(fill("s", 15)
				+ " ; XINFO STREAM s ; XINFO STREAM s FULL ; XINFO STREAM s FULL COUNT 2 ; XINFO STREAM s FULL COUNT 0 ; XINFO STREAM s FULL COUNT -3 ; XINFO STREAM s FOO ; XINFO STREAM s FULL COUNT ; XINFO STREAM s FULL FOO 1 ; XINFO STREAM s FULL COUNT x ; XINFO STREAM missing ; XINFO STREAM missing FOO ; XINFO ; XINFO FOO ; XINFO HELP ; XINFO STREAM");
		s.add("XGROUP CREATE s g $ MKSTREAM ; XINFO STREAM s ; XINFO STREAM s FULL ; XINFO GROUPS s ; XADD s 1-1 f v ; XINFO GROUPS s");
		// XREAD
		s.add(fill("s", 5) + " ; " + fill("t", 2)
				+ " ; XREAD STREAMS s 0 ; XREAD COUNT 2 STREAMS s t 0 0 ; XREAD STREAMS s t 3-1 $ ; XREAD STREAMS s $ ; XREAD STREAMS missing 0 ; XREAD STREAMS s 18446744073709551615-18446744073709551615 ; XREAD COUNT -1 STREAMS s 4 ; XREAD COUNT 0 STREAMS s 4");
		s.add("XREAD ; XREAD STREAMS ; XREAD STREAMS s ; XREAD STREAMS s t 0 ; XREAD COUNT x STREAMS s 0 ; XREAD BLOCK x STREAMS s 0 ; XREAD BLOCK -1 STREAMS s 0 ; XREAD FOO STREAMS s 0 ; XREAD GROUP g c STREAMS s 0 ; XREAD NOACK STREAMS s 0 ; XREAD STREAMS s > ; XREAD STREAMS s x ; XREAD STREAMS s - ; XREAD COUNT 1 ; SET str x ; XREAD STREAMS str 0 ; XREAD STREAMS s str 0 0");
		s.add("XADD s 1-1 f v ; MULTI ; XREAD BLOCK 0 STREAMS s $ ; XREAD BLOCK 1000 STREAMS s 0 ; EXEC");
		s.add("EVAL \"return redis.pcall('xread','BLOCK','0','STREAMS','s','$')\" 0 ; EVAL \"return redis.pcall('XREADGROUP','GROUP','g','c','BLOCK','0','STREAMS','s','>')\" 0 ; EVAL \"return redis.pcall('xread','STREAMS','s','0')\" 0");
		// consumer groups
		s.add("XGROUP CREATE s g $ ; XGROUP CREATE s g $ MKSTREAM ; XGROUP CREATE s g $ MKSTREAM ; XGROUP CREATE s g2 0 ENTRIESREAD 5 ; XGROUP CREATE s g3 0 ENTRIESREAD -2 ; XGROUP CREATE s g3 0 ENTRIESREAD x ; XGROUP CREATE s g3 0 FOO ; XGROUP CREATE s g3 x ; XGROUP CREATE s g3 - ; XGROUP CREATE s g3 0 ENTRIESREAD ; XGROUP CREATE s g3 0 MKSTREAM ENTRIESREAD 1 MKSTREAM ; XINFO GROUPS s");
		s.add("SET str x ; XGROUP CREATE str g $ ; XGROUP CREATE str g $ MKSTREAM ; XGROUP SETID missing g 0 ; XGROUP DESTROY missing g ; XGROUP CREATECONSUMER missing g c ; XGROUP DELCONSUMER missing g c ; XGROUP SETID str g 0");
		s.add(fill("s", 5)
				+ " ; XGROUP CREATE s g 0 ; XGROUP SETID s nog 0 ; XGROUP CREATECONSUMER s nog c ; XGROUP DELCONSUMER s nog c ; XGROUP DESTROY s nog ; XGROUP SETID s g 3 ; XINFO GROUPS s ; XGROUP SETID s g $ ENTRIESREAD 5 ; XINFO GROUPS s ; XGROUP SETID s g 0 ENTRIESREAD -2 ; XGROUP SETID s g 0 FOO 1 ; XGROUP SETID s g 0 1 ; XGROUP SETID s g x ; XGROUP SETID s g - ; XGROUP SETID s g + ; XINFO GROUPS s ; XGROUP HELP ; XGROUP FOO ; XGROUP");
		s.add(fill("s", 5)
				+ " ; XGROUP CREATE s g 0 ; XGROUP CREATECONSUMER s g c1 ; XGROUP CREATECONSUMER s g c1 ; XGROUP CREATECONSUMER s g c2 ; XREADGROUP GROUP g c1 COUNT 2 STREAMS s > ; XGROUP DELCONSUMER s g c1 ; XGROUP DELCONSUMER s g c1 ; XPENDING s g ; XGROUP DESTROY s g ; XGROUP DESTROY s g ; XINFO GROUPS s");
		s.add(fill("s", 5)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g alice COUNT 2 STREAMS s > ; XREADGROUP GROUP g bob STREAMS s > ; XREADGROUP GROUP g bob STREAMS s > ; XPENDING s g ; XREADGROUP GROUP g alice STREAMS s 0 ; XREADGROUP GROUP g alice COUNT 1 STREAMS s 1-1 ; XREADGROUP GROUP g carol STREAMS s 0 ; XACK s g 1-1 3-1 9-9 ; XPENDING s g ; XACK s g x ; XACK s nog 1-1 ; XACK missing g 1-1 ; XINFO GROUPS s ; XDEL s 2-1 ; XREADGROUP GROUP g alice STREAMS s 0");
		s.add(fill("s", 5)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g c NOACK STREAMS s > ; XPENDING s g ; XINFO GROUPS s ; XADD s 6-1 f v ; XREADGROUP GROUP g c NOACK COUNT 5 STREAMS s > ; XINFO GROUPS s");
		s.add("XREADGROUP STREAMS s > ; XREADGROUP GROUP g c STREAMS s > ; XADD s 1-1 f v ; XREADGROUP GROUP g c STREAMS s > ; XGROUP CREATE s g $ ; XREADGROUP GROUP g c STREAMS s $ ; XREADGROUP GROUP g c STREAMS s ; XREADGROUP GROUP g STREAMS s > ; XREADGROUP GROUP g c STREAMS s > ; XREADGROUP GROUP g c STREAMS s 0 ; XREADGROUP GROUP g c STREAMS s x ; XREADGROUP GROUP g c BLOCK 0 NOACK STREAMS s missing > > ; SET str x ; XREADGROUP GROUP g c STREAMS str >");
		// lag and entries-read (stream-cgroups.tcl "Consumer group lag")
		s.add(fill("x", 10)
				+ " ; XGROUP CREATE x g1 0 ; XINFO GROUPS x ; XREADGROUP GROUP g1 c11 COUNT 1 STREAMS x > ; XINFO GROUPS x ; XREADGROUP GROUP g1 c12 COUNT 10 STREAMS x > ; XINFO GROUPS x ; XADD x 11-1 f v ; XINFO GROUPS x ; XDEL x 3-1 ; XINFO GROUPS x ; XGROUP CREATE x g2 0 ; XINFO GROUPS x ; XREADGROUP GROUP g2 c COUNT 1 STREAMS x > ; XINFO GROUPS x ; XREADGROUP GROUP g2 c COUNT 5 STREAMS x > ; XINFO GROUPS x ; XTRIM x MAXLEN 2 ; XINFO GROUPS x ; XGROUP CREATE x g3 1-1 ; XINFO GROUPS x ; XGROUP SETID x g3 11-1 ; XINFO GROUPS x");
		s.add("XADD x 1-0 data a ; XADD x 2-0 data b ; XADD x 3-0 data c ; XADD x 4-0 data d ; XADD x 5-0 data e ; XDEL x 3-0 ; XGROUP CREATE x g1 0 ; XGROUP CREATE x g2 0 ; XINFO STREAM x FULL ; XREADGROUP GROUP g1 c11 COUNT 1 STREAMS x > ; XINFO GROUPS x ; XREADGROUP GROUP g1 c11 COUNT 1 STREAMS x > ; XINFO GROUPS x ; XREADGROUP GROUP g1 c11 COUNT 1 STREAMS x > ; XINFO GROUPS x ; XREADGROUP GROUP g1 c11 COUNT 1 STREAMS x > ; XINFO GROUPS x ; XTRIM x MINID 3-0 ; XINFO GROUPS x ; XGROUP SETID x g2 0 ENTRIESREAD 0 ; XINFO GROUPS x");
		s.add("XGROUP CREATE s g 0 MKSTREAM ; XINFO GROUPS s ; XADD s 1-1 f v ; XDEL s 1-1 ; XINFO GROUPS s ; XGROUP CREATE s g2 $ ; XINFO GROUPS s ; XADD s 2-1 f v ; XINFO GROUPS s ; XSETID s 5-0 ENTRIESADDED 7 ; XINFO GROUPS s ; XINFO STREAM s");
		// XPENDING extended
		s.add(fill("s", 6)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g a COUNT 3 STREAMS s > ; XREADGROUP GROUP g b STREAMS s > ; XPENDING s g - + 10 a ; XPENDING s g - + 10 nobody ; XPENDING s g 2 5 2 ; XPENDING s g (2-1 (5-1 10 ; XPENDING s g - + 0 ; XPENDING s g - + -5 ; XPENDING s g - + x ; XPENDING s g x + 1 ; XPENDING s g - + ; XPENDING s g - ; XPENDING s g - + 1 a b ; XPENDING s g IDLE x - + 1 ; XPENDING s g IDLE 1 - + ; XPENDING s nog ; XPENDING missing g - + 1 ; XPENDING s g (18446744073709551615-18446744073709551615 + 1 ; XPENDING s g IDLE 1000000 - + 10");
		// XCLAIM
		s.add(fill("s", 6)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g a COUNT 3 STREAMS s > ; XCLAIM s g b 0 1-1 2-1 JUSTID ; XPENDING s g - + 10 b ; XCLAIM s g b 0 1-1 9-9 FORCE JUSTID ; XCLAIM s g c 0 5-1 FORCE JUSTID ; XPENDING s g ; XCLAIM s g c 1000000 3-1 ; XCLAIM s g c 0 3-1 RETRYCOUNT 7 JUSTID ; XPENDING s g 3 3 1 ; XCLAIM s g c 0 3-1 LASTID 6-1 ; XINFO GROUPS s ; XDEL s 1-1 ; XCLAIM s g d 0 1-1 ; XPENDING s g ; XCLAIM s g d x 1-1 ; XCLAIM s g d 0 1-1 FOO ; XCLAIM s g d 0 1-1 IDLE x ; XCLAIM s g d 0 1-1 TIME x ; XCLAIM s g d 0 1-1 RETRYCOUNT x ; XCLAIM s g d 0 1-1 LASTID x ; XCLAIM s nog d 0 1-1 ; XCLAIM missing g d 0 1-1 ; XCLAIM s g d 0 ; XCLAIM s g d 0 2-1 IDLE 5 JUSTID ; XCLAIM s g d 0 2-1 TIME 5 ; XINFO CONSUMERS s nog");
		// XAUTOCLAIM
		s.add(fill("s", 8)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g a STREAMS s > ; XAUTOCLAIM s g b 0 0 COUNT 3 ; XAUTOCLAIM s g b 0 (3-1 COUNT 2 JUSTID ; XDEL s 6-1 7-1 ; XAUTOCLAIM s g c 0 0 ; XPENDING s g ; XAUTOCLAIM s g c 0 0 COUNT 0 ; XAUTOCLAIM s g c 0 0 COUNT x ; XAUTOCLAIM s g c x 0 ; XAUTOCLAIM s g c 0 x ; XAUTOCLAIM s g c 0 0 FOO ; XAUTOCLAIM s g c 0 0 COUNT ; XAUTOCLAIM s nog c 0 0 ; XAUTOCLAIM missing g c 0 0 ; XAUTOCLAIM s g c 1000000 0 ; XAUTOCLAIM s g c 0 (18446744073709551615-18446744073709551615 ; XAUTOCLAIM s g c 0 0 COUNT 1 JUSTID ; XAUTOCLAIM s g c 0 - COUNT 2305843009213693951 ; XAUTOCLAIM s g c 0 - COUNT 2305843009213693952");
		// listpack sizes against stream-node-max-bytes: long values, integers, same
		// fields
		s.add("XADD s 1-1 f " + "x".repeat(3000) + " ; XADD s 2-1 f " + "y".repeat(1500) + " ; XADD s 3-1 f "
				+ "x".repeat(3000) + " ; XADD s 4-1 f " + "9".repeat(18)
				+ " ; XADD s 5-1 g 1 ; XADD s 6-1 f -5 ; XINFO STREAM s ; XTRIM s MAXLEN ~ 1 ; XLEN s ; XINFO STREAM s");
		s.add("CONFIG SET stream-node-max-bytes 0 ; CONFIG SET stream-node-max-entries 0 ; " + fill("s", 300)
				+ " ; XTRIM s MAXLEN ~ 1 ; XLEN s ; XINFO STREAM s");
		s.add(fill("s", 3)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g alice STREAMS s > ; XGROUP CREATECONSUMER s g bob ; XINFO CONSUMERS s g ; XINFO CONSUMERS s nog ; XINFO CONSUMERS missing g ; XCLAIM s g bob 0 1-1 2-1 ; XINFO CONSUMERS s g ; XPENDING s g - + 10 ; XPENDING s g IDLE 0 - + 10 bob");
		s.add("XADD s 1-1 f v ; XREAD BLOCK 9223372036854775807 STREAMS s 0 ; XREAD BLOCK 1.5 STREAMS s 0 ; XREAD BLOCK 0 STREAMS s 0 ; XREAD BLOCK 10 COUNT 1 COUNT 2 STREAMS s 0 ; XREAD STREAMS s STREAMS 0 0 ; XREADGROUP GROUP g c GROUP g2 c2 STREAMS s > ; XREAD BLOCK 0 BLOCK x STREAMS s 0");
		// key extraction (xreadGetKeys)
		s.add("COMMAND GETKEYS XREAD COUNT 1 STREAMS a b 0 0 ; COMMAND GETKEYS XREADGROUP GROUP g c STREAMS a > ; COMMAND GETKEYS XREAD STREAMS a ; COMMAND GETKEYS XADD s * f v ; COMMAND GETKEYS XGROUP CREATE s g $ ; COMMAND GETKEYS XINFO STREAM s ; COMMAND GETKEYS XREAD BLOCK 0 STREAMS streams STREAMS 0 0");
		// COPY / RENAME / TYPE / OBJECT / DEL / EXPIRE
		s.add(fill("s", 3)
				+ " ; XGROUP CREATE s g 0 ; XREADGROUP GROUP g a COUNT 1 STREAMS s > ; TYPE s ; OBJECT ENCODING s ; COPY s d ; XRANGE d - + ; XINFO GROUPS d ; XADD d 4-1 f v ; XLEN s ; RENAME d e ; XLEN e ; EXPIRE e 100 ; TTL e ; DEL e ; EXISTS e ; MOVE s 1 ; SELECT 1 ; XLEN s ; SELECT 0");
		// RESP3
		s.add("!HELLO 3 ; " + fill("s", 3)
				+ " ; XGROUP CREATE s g 0 ; XREAD STREAMS s 0 ; XREAD COUNT 1 STREAMS s s 0 1 ; XINFO STREAM s ; XINFO STREAM s FULL ; XINFO GROUPS s ; XREADGROUP GROUP g c STREAMS s > ; XPENDING s g ; XINFO STREAM s FULL ; XRANGE s - + COUNT 0 ; XREAD STREAMS s $ ; XADD s NOMKSTREAM 9-9 ; XADD n NOMKSTREAM * f v ; XPENDING s g - + 1 ; XAUTOCLAIM s g d 0 0 ; XREADGROUP GROUP g c STREAMS s 0 ; !HELLO 2");
		// stream.tcl cases
		s.add("XADD mystream 1-1 item 1 value a ; XADD mystream 2-1 item 2 value b ; XLEN mystream ; XRANGE mystream - + ; XADD mystream 3-1 item 3 ; XADD mystream 4-1 item 4 value x other y ; XRANGE mystream 2 3 ; XREVRANGE mystream 3 2");
		s.add("XADD mystream 1-1 a b ; XADD mystream 2-1 a b ; XADD mystream 3-1 a b ; XDEL mystream 2-1 ; XRANGE mystream - + ; XDEL mystream 1-1 3-1 ; XRANGE mystream - + ; XADD mystream 4-1 a b ; XINFO STREAM mystream");
		s.add("XADD x 1-18446744073709551615 f v ; XADD x 1-* f v ; XADD y 1-1 f v ; XADD y 1-* f v ; XADD y 2-* f v ; XADD y 1-* f v");
		s.add("XADD x MAXLEN ~ 1 1-1 f v ; XADD x MAXLEN 1 LIMIT 1 2-1 f v ; XADD x MAXLEN ~ 1 LIMIT 10 2-1 f v ; XLEN x");
		s.add("DEL x ; XADD x MAXLEN 0 1-1 f v ; XLEN x ; EXISTS x ; XINFO STREAM x");
		s.add(fill("x", 20)
				+ " ; XADD x MINID 10 21-1 f v ; XRANGE x - + COUNT 1 ; XADD x MINID ~ 15 22-1 f v ; XLEN x ; XADD x MINID 1 23-1 f v ; XLEN x");
		return s;
	}

}
