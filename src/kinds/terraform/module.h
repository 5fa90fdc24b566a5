/* A configuration is a directory, its module: the variables and local
 * values declared in its other *.tf and *.tf.json files are known in
 * each, and the variable files Terraform reads there by itself
 * (terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and
 * *.auto.tfvars.json in the order of their names) set them. A directory
 * is read once in a run, whatever the number of its files checked. */
#ifndef IELINT_TERRAFORM_MODULE_H
#define IELINT_TERRAFORM_MODULE_H

#include <stddef.h>

#include "values.h"

/* The modules read so far in a run; safe to share between threads. */
struct module_cache;

/* NULL when memory runs out. Files are read up to max_file_size. */
struct module_cache *module_cache_new(size_t max_file_size);
void module_cache_free(struct module_cache *cache);

/* Adds to v what the other files of the module of the file at path
 * declare, then what the module's variable files set. A file that does
 * not load adds nothing (its own lint says why). */
void module_add_values(struct module_cache *cache, const char *path, struct values *v);

#endif
