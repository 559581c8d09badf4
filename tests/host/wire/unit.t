#!/bin/sh
# Framing and decoder unit test: seeded hostile consoles (see wire_test.c).
: "${ISV_WIRE_TEST:?}"
exec "$ISV_WIRE_TEST" 500
