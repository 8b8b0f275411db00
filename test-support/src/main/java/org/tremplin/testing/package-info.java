/**
 * What every module's tests share, and no Tremplin type: the two databases every store contract
 * runs on ({@link org.tremplin.testing.TestDatabase}, {@link org.tremplin.testing.AllDatabases}), a
 * clock the test moves ({@link org.tremplin.testing.MutableClock}), and a simulated LMS: its key
 * and keyset served on loopback ({@link org.tremplin.testing.SimulatedLms}), id_token signing
 * ({@link org.tremplin.testing.TestKeys}), form encoding ({@link org.tremplin.testing.Forms}) and a
 * browser with a cookie jar ({@link org.tremplin.testing.Browser}). Test-only: modules take it in
 * test scope.
 */
@NullMarked
package org.tremplin.testing;

import org.jspecify.annotations.NullMarked;
