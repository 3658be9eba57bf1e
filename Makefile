# Front-end over CMake. `make demo` and `make test` install missing Debian packages first.
BUILD      ?= build
BENCH_RECORDS ?= 1000000
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
WERROR     ?= OFF
CMAKE_ARGS ?=

.PHONY: all deps configure build demo test bench fuzz format format-check clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCKYC_WERROR=$(WERROR) $(CMAKE_ARGS)

configure: $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: deps
	@$(MAKE) --no-print-directory build
	./$(BUILD)/ckyc demo

test: deps
	@$(MAKE) --no-print-directory build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: deps
	@$(MAKE) --no-print-directory build
	./$(BUILD)/bench/ckyc_bench --benchmark_counters_tabular=true
	bench/usage_ingest.sh $(BENCH_RECORDS)

# libFuzzer builds need clang; each target runs for FUZZ_SECONDS over its corpus.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS = csv_fuzz catalog_fuzz countries_fuzz tops_arg_fuzz dcgm_fuzz usage_readers_fuzz parties_import_fuzz \
	lists_ofac_fuzz lists_csl_fuzz lists_dpl_fuzz lists_un_fuzz lists_ftm_fuzz
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCKYC_FUZZ=ON -DCKYC_BUILD_TESTS=OFF -DCKYC_BUILD_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus/$$t; \
	  echo "== $$t"; \
	  ./build-fuzz/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus/$$t fuzz/corpus/$$t || exit 1; \
	done

SOURCES = $(shell git ls-files --cached --others --exclude-standard '*.cc' '*.h' 2>/dev/null)
format:
	clang-format -i $(SOURCES)

format-check:
	clang-format --dry-run -Werror $(SOURCES)

clean:
	rm -rf $(BUILD) build-fuzz
