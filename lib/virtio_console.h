#ifndef ISV_VIRTIO_CONSOLE_H
#define ISV_VIRTIO_CONSOLE_H
#include <stdint.h>
#include <stddef.h>

/* A virtio console (device ID 3) on a virtio-mmio transport, legacy
 * (version 1) or modern (version 2), port 0's transmit queue only. */
/* NULL when the device is ready, else why not. */
const char *virtio_console_init(uintptr_t base);
/* Send n bytes ("\n" as "\r\n" when crlf): one notification per buffer. */
void virtio_console_write(const char *s, size_t n, int crlf);
#endif
