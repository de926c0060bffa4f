/**
 * Redis 7.0's access control lists (acl.c): users with passwords, command, key and
 * channel permissions and selectors, the checks the executor and scripts run before each
 * command, the ACL log and the ACL command.
 */
@NullMarked
package dev.larder.engine.acl;

import org.jspecify.annotations.NullMarked;
