/* isvwire: the host end of the ROM's console wire (docs/contracts.md,
 * "Console wire").
 *
 *   isvwire ids [BOOTARG...]        the cases the ROM will run, without booting it
 *   isvwire decode [--noise] [--stats FILE] [--readable]
 *                                   raw console (stdin) -> readable ROM lines
 *   isvwire frame [SEQ]             frame stdin's lines (tests, fixtures)
 *
 * Exit: 0 ok, 2 usage or bad bootargs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "select.h"
#include "wire.h"

#define ARGS_MAX 4096

static int usage(void)
{
	fputs("usage: isvwire ids [BOOTARG...]\n"
	      "       isvwire decode [--noise] [--stats FILE] [--readable] < console\n"
	      "       isvwire frame [FIRST-SEQ] < lines\n", stderr);
	return 2;
}

static int cmd_ids(int argc, char **argv)
{
	char args[ARGS_MAX] = "";
	size_t k = 0;
	for (int i = 0; i < argc; i++) {
		int w = snprintf(args + k, sizeof(args) - k, "%s%s", i ? " " : "", argv[i]);
		if (w < 0 || (size_t)w >= sizeof(args) - k) {
			fputs("isvwire ids: bootargs too long\n", stderr);
			return 2;
		}
		k += (size_t)w;
	}
	struct selection s;
	const char *why = selection_build(&s, args);
	if (why) {
		fprintf(stderr, "isvwire ids: %s\n", why);
		return 2;
	}
	printf("# cases %u fingerprint %016llx targets %s\n", s.n, (unsigned long long)s.fingerprint, s.target_list);
	char id[SEL_ID_MAX];
	for (unsigned n = 1; n <= s.n; n++) {
		selection_id(&s, n, id, sizeof(id));
		printf("%u %s\n", n, id);
	}
	selection_free(&s);
	return ferror(stdout) ? 2 : 0;
}

static int cmd_frame(int argc, char **argv)
{
	unsigned seq = argc > 0 ? (unsigned)strtoul(argv[0], NULL, 0) : 0;
	char line[WIRE_PAYLOAD_MAX + 2], f[WIRE_FRAME_MAX];
	while (fgets(line, sizeof(line), stdin)) {
		size_t n = strcspn(line, "\n");
		line[n] = 0;
		fwrite(f, 1, wire_frame(f, seq++, line, n), stdout);
		fputc('\n', stdout);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "ids"))
		return cmd_ids(argc - 2, argv + 2);
	if (!strcmp(argv[1], "decode")) {
		int noise = 0, readable = 0;
		FILE *stats = NULL;
		for (int i = 2; i < argc; i++) {
			if (!strcmp(argv[i], "--noise"))
				noise = 1;
			else if (!strcmp(argv[i], "--readable"))
				readable = 1;
			else if (!strcmp(argv[i], "--stats") && i + 1 < argc) {
				if (!(stats = fopen(argv[++i], "w"))) {
					perror(argv[i]);
					return 2;
				}
			} else
				return usage();
		}
		int r = decode_stream(stdin, stdout, noise, readable, stats);
		if (stats)
			fclose(stats);
		return r;
	}
	if (!strcmp(argv[1], "frame"))
		return cmd_frame(argc - 2, argv + 2);
	return usage();
}
