/* The batched console path (issue 14): when the DTB's stdout-path names a
 * virtio-mmio node, a whole line goes out as one buffer and one trapped
 * notification, where a UART costs one or two traps per byte. Every
 * register access is an ISV=1-safe accessor (mmio.h); the rings live in
 * normal RAM, which the device reads directly. Synchronous: each buffer is
 * waited for (bounded) before the next, so one descriptor suffices. */
#include "virtio_console.h"
#include "mmio.h"

/* virtio-mmio registers (virtio 1.2, 4.2.2; legacy 4.2.4) */
#define VMMIO_MAGIC          0x000
#define VMMIO_VERSION        0x004
#define VMMIO_DEVICE_ID      0x008
#define VMMIO_DRV_FEATURES   0x020
#define VMMIO_DRV_FEAT_SEL   0x024
#define VMMIO_GUEST_PAGE     0x028   /* legacy */
#define VMMIO_QUEUE_SEL      0x030
#define VMMIO_QUEUE_NUM_MAX  0x034
#define VMMIO_QUEUE_NUM      0x038
#define VMMIO_QUEUE_ALIGN    0x03c   /* legacy */
#define VMMIO_QUEUE_PFN      0x040   /* legacy */
#define VMMIO_QUEUE_READY    0x044
#define VMMIO_QUEUE_NOTIFY   0x050
#define VMMIO_STATUS         0x070
#define VMMIO_QUEUE_DESC_LO  0x080
#define VMMIO_QUEUE_DESC_HI  0x084
#define VMMIO_QUEUE_AVAIL_LO 0x090
#define VMMIO_QUEUE_AVAIL_HI 0x094
#define VMMIO_QUEUE_USED_LO  0x0a0
#define VMMIO_QUEUE_USED_HI  0x0a4
#define VMMIO_MAGIC_VALUE    0x74726976u  /* "virt" */
#define VMMIO_LEGACY         1
#define VMMIO_MODERN         2
#define VIRTIO_ID_CONSOLE    3
#define ST_ACKNOWLEDGE       1u
#define ST_DRIVER            2u
#define ST_DRIVER_OK         4u
#define ST_FEATURES_OK       8u
#define FEAT_SEL_HI          1           /* feature bits 63:32 */
#define FEAT_VERSION_1_HI    (1u << 0)   /* VIRTIO_F_VERSION_1 = bit 32 */
#define CONSOLE_TXQ          1           /* port 0: receiveq 0, transmitq 1 */
#define QSIZE                4
#define RING_ALIGN           4096        /* legacy: used ring on the next page */
#define TX_BUF               256
#define USED_SPIN_LIMIT      10000000    /* a device that never answers must not hang us */

struct vring_desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
struct vring_avail { uint16_t flags, idx, ring[QSIZE], used_event; };
struct vring_used { uint16_t flags, idx; struct { uint32_t id, len; } ring[QSIZE]; uint16_t avail_event; };

/* Legacy layout: descriptors, then the available ring, the used ring on the
 * next RING_ALIGN boundary (the modern transport takes the same addresses). */
static struct {
	struct vring_desc desc[QSIZE];
	struct vring_avail avail;
	uint8_t pad[RING_ALIGN - sizeof(struct vring_desc) * QSIZE - sizeof(struct vring_avail)];
	struct vring_used used;
} ring __attribute__((aligned(RING_ALIGN)));
static char txbuf[TX_BUF];
static uintptr_t vbase;
static uint16_t avail_idx;

static uint32_t rd(unsigned reg) { return mmio_read32(vbase + reg); }
static void wr(unsigned reg, uint32_t v) { mmio_write32(vbase + reg, v); }
/* The image is identity mapped (the ROM maps RAM VA = PA; refhyp runs at
 * EL2 on the same identity), so a static buffer's address is its IPA. */
static uint64_t pa_of(const void *p) { return (uint64_t)(uintptr_t)p; }

const char *virtio_console_init(uintptr_t base)
{
	vbase = base;
	if (rd(VMMIO_MAGIC) != VMMIO_MAGIC_VALUE)
		return "virtio-mmio: bad magic";
	uint32_t ver = rd(VMMIO_VERSION);
	if (ver != VMMIO_LEGACY && ver != VMMIO_MODERN)
		return "virtio-mmio: unknown version";
	if (rd(VMMIO_DEVICE_ID) != VIRTIO_ID_CONSOLE)
		return "virtio-mmio: not a console";
	wr(VMMIO_STATUS, 0); /* reset */
	wr(VMMIO_STATUS, ST_ACKNOWLEDGE);
	wr(VMMIO_STATUS, ST_ACKNOWLEDGE | ST_DRIVER);
	/* No device feature is needed (no multiport, no size); a modern
	 * transport requires VERSION_1 and the FEATURES_OK handshake. */
	wr(VMMIO_DRV_FEAT_SEL, FEAT_SEL_HI);
	wr(VMMIO_DRV_FEATURES, ver == VMMIO_MODERN ? FEAT_VERSION_1_HI : 0);
	wr(VMMIO_DRV_FEAT_SEL, 0);
	wr(VMMIO_DRV_FEATURES, 0);
	uint32_t st = ST_ACKNOWLEDGE | ST_DRIVER;
	if (ver == VMMIO_MODERN) {
		st |= ST_FEATURES_OK;
		wr(VMMIO_STATUS, st);
		if (!(rd(VMMIO_STATUS) & ST_FEATURES_OK))
			return "virtio-mmio: features refused";
	} else {
		wr(VMMIO_GUEST_PAGE, RING_ALIGN);
	}
	wr(VMMIO_QUEUE_SEL, CONSOLE_TXQ);
	if (rd(VMMIO_QUEUE_NUM_MAX) < QSIZE)
		return "virtio-mmio: transmit queue too small";
	wr(VMMIO_QUEUE_NUM, QSIZE);
	if (ver == VMMIO_MODERN) {
		uint64_t d = pa_of(ring.desc), a = pa_of(&ring.avail), u = pa_of(&ring.used);
		wr(VMMIO_QUEUE_DESC_LO, (uint32_t)d);
		wr(VMMIO_QUEUE_DESC_HI, (uint32_t)(d >> 32));
		wr(VMMIO_QUEUE_AVAIL_LO, (uint32_t)a);
		wr(VMMIO_QUEUE_AVAIL_HI, (uint32_t)(a >> 32));
		wr(VMMIO_QUEUE_USED_LO, (uint32_t)u);
		wr(VMMIO_QUEUE_USED_HI, (uint32_t)(u >> 32));
		wr(VMMIO_QUEUE_READY, 1);
	} else {
		wr(VMMIO_QUEUE_ALIGN, RING_ALIGN);
		wr(VMMIO_QUEUE_PFN, (uint32_t)(pa_of(&ring) / RING_ALIGN));
	}
	avail_idx = 0;
	wr(VMMIO_STATUS, st | ST_DRIVER_OK);
	return 0;
}

/* One buffer: descriptor 0, publish, notify, wait until the device used it. */
static void send(size_t n)
{
	ring.desc[0] = (struct vring_desc){ .addr = pa_of(txbuf), .len = (uint32_t)n };
	ring.avail.ring[avail_idx % QSIZE] = 0;
	__asm__ volatile("dmb oshst" : : : "memory"); /* descriptor before the index */
	ring.avail.idx = ++avail_idx;
	__asm__ volatile("dmb osh" : : : "memory");   /* index before the notification */
	wr(VMMIO_QUEUE_NOTIFY, CONSOLE_TXQ);
	for (unsigned spin = 0; spin < USED_SPIN_LIMIT; spin++) {
		if (*(volatile uint16_t *)&ring.used.idx == avail_idx)
			break;
	}
	__asm__ volatile("dmb osh" : : : "memory");   /* the buffer is ours again */
}

void virtio_console_write(const char *s, size_t n, int crlf)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k + 2 > TX_BUF) {
			send(k);
			k = 0;
		}
		if (crlf && s[i] == '\n')
			txbuf[k++] = '\r';
		txbuf[k++] = s[i];
	}
	if (k)
		send(k);
}
