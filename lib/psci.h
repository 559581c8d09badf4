#ifndef ISV_PSCI_H
#define ISV_PSCI_H
#include "platform.h"
void psci_system_off(enum psci_conduit c) __attribute__((noreturn));
#endif
