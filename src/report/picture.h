/* A picture of an experiment: its endpoint, its variants and the share of
 * requests each gets, as the formats that draw (the Markdown format's
 * Mermaid diagram, report/mermaid.h) take it. The plan's layer fills it
 * from the document (plan/picture.h); every text in it is one line for
 * people, already shortened, and still to be escaped for the format. */
#ifndef IELINT_PICTURE_H
#define IELINT_PICTURE_H

#include <stdbool.h>
#include <stddef.h>

/* No more variants are drawn, nor experiments of one file: a request
 * has two variants, and a template a handful of experiments. */
enum { PICTURE_MAX_VARIANTS = 10, PICTURE_MAX_EXPERIMENTS = 20 };

/* What the variant does in the experiment. */
enum picture_role {
	PICTURE_PRODUCTION, /* the source: it answers every request */
	PICTURE_SHADOW,     /* gets a copy of a share of the requests */
	PICTURE_OTHER,      /* neither, or not known */
};

/* What a request (with --plan) does to a variant. */
enum picture_mark {
	PICTURE_KEPT,
	PICTURE_CHANGED,  /* model, infrastructure or share */
	PICTURE_ADDED,
	PICTURE_PROMOTED, /* a stop request promotes it */
	PICTURE_REMOVED,  /* a stop request removes it */
	PICTURE_RETAINED, /* a stop request keeps it as it is */
};

struct picture_variant {
	char *name;
	char *model;     /* "model NAME", or NULL when not given */
	char *instances; /* "ml.m5.xlarge x 2", or NULL when not given */
	/* A shadow's edge: "copies 10% of requests", or why the share is
	 * not known. */
	char *share;
	char *note;      /* a line more, such as "not among ModelVariants" */
	enum picture_role role;
	enum picture_mark mark;
};

struct picture {
	/* "resource Experiment" for a document of several experiments. */
	char *title;
	/* Not drawn: why; then nothing else is set. */
	char *not_drawn;
	/* "endpoint NAME", or "experiment NAME" when the endpoint is not
	 * in the document (a stop request). */
	char *entry;
	bool entry_changed; /* a template moves the experiment to another endpoint */
	/* The schedule's times as a line, or NULL. */
	char *schedule;
	bool schedule_changed;
	struct picture_variant variants[PICTURE_MAX_VARIANTS];
	size_t variant_count;
	size_t variants_left_out; /* past PICTURE_MAX_VARIANTS */
};

struct picture_list {
	struct picture *items;
	size_t count;
	size_t capacity;
	size_t left_out; /* experiments past PICTURE_MAX_EXPERIMENTS */
	bool out_of_memory;
};

void picture_list_init(struct picture_list *list);

/* A new picture at the end of the list, zeroed; NULL (and out_of_memory)
 * when memory runs out or the list is full (then left_out counts it). */
struct picture *picture_list_add(struct picture_list *list);

void picture_list_free(struct picture_list *list);

#endif
