#ifndef HUMAS_CLIBPQ_SHIM_H
#define HUMAS_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
