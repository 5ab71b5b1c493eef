/**
 * Small pure functions the engines share (futures, ASCII checks); no Camel, no state.
 */
package io.github.camelgb28181.util;
