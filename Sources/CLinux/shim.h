#ifndef SVIRT_TRACE_CLINUX_SHIM_H
#define SVIRT_TRACE_CLINUX_SHIM_H
#include <stdint.h>
/* Linux calls in glibc that Swift's Glibc module leaves out (fcntl.h declares them only under
   _GNU_SOURCE). The types are glibc's own on LP64: off64_t is int64_t. */
int sync_file_range(int fd, int64_t offset, int64_t nbytes, unsigned int flags);
#endif
