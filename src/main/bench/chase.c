/*
 * Native pointer chase, the reference for src/main/workers/pointerChase.ts (src/main/bench/chaseVsC.ts).
 * One random Sattolo cycle over the 64-byte lines of an int32 array, `p = a[p]` STEPS times,
 * best of REPEATS. Usage: chase BYTES [STEPS] [REPEATS] [hugepage: 0|1]. Prints ns per load by
 * the wall clock, then by the process's CPU time (which leaves out time spent descheduled).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec * 1e9 + t.tv_nsec; }

int main(int argc, char **argv) {
  size_t bytes = argc > 1 ? strtoull(argv[1], 0, 10) : 64u << 20;
  long steps = argc > 2 ? atol(argv[2]) : 1L << 21;
  int repeats = argc > 3 ? atoi(argv[3]) : 3;
  int huge = argc > 4 ? atoi(argv[4]) : 0;
  int32_t *a = mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (a == MAP_FAILED) return 1;
#ifdef MADV_HUGEPAGE
  madvise(a, bytes, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
#endif
  memset(a, 0, bytes);
  size_t lines = bytes / 64;
  int32_t *order = malloc(lines * sizeof *order);
  for (size_t i = 0; i < lines; i++) order[i] = (int32_t)i;
  for (size_t i = lines - 1; i > 0; i--) { size_t j = next() % i; int32_t t = order[i]; order[i] = order[j]; order[j] = t; }
  for (size_t i = 0; i < lines; i++) a[i * 16] = order[i] * 16;
  free(order);
  volatile int32_t sink;
  int32_t p = 0;
  for (size_t i = 0; i < lines; i++) p = a[p]; /* warm: every line once */
  double best = 1e30, bestCpu = 1e30;
  for (int r = 0; r < repeats; r++) {
    double t0 = now(), c0 = cpu();
    for (long i = 0; i < steps; i++) p = a[p];
    double ns = (now() - t0) / steps, cns = (cpu() - c0) / steps;
    if (ns < best) best = ns;
    if (cns < bestCpu) bestCpu = cns;
  }
  sink = p;
  (void)sink;
  printf("%.3f %.3f\n", best, bestCpu);
  return 0;
}
