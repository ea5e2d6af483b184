/* fuzz_config: any config file text loads without crashing, leaking or
 * reading out of bounds, and leaves a usable config. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	struct config cfg;

	if (fd < 0) {
		fd = memfd_create("config.ini", 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	config_load_file(&cfg, path);
	(void)config_ignored(&cfg, "/home/u/proj", 12);
	(void)config_is_name(&cfg, "venv", 4);
	config_free(&cfg);
	return 0;
}
