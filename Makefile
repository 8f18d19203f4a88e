# Build and install debrief: the release binary, its man page and shell completions.
#
#   make install                   into ~/.local (bin, share/man, completions)
#   make install PREFIX=/usr/local (as root, or with DESTDIR for packaging)
#   make uninstall PREFIX=…
PREFIX ?= $(HOME)/.local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man1
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
SWIFT ?= swift
RELEASE_BIN = .build/release/debrief

.PHONY: all build man completions install uninstall test

all: build

build:
	$(SWIFT) build -c release --static-swift-stdlib --product debrief

man: build
	SWIFT=$(SWIFT) scripts/generate-manual $(RELEASE_BIN) .build/man

completions: build
	mkdir -p .build/completions
	$(RELEASE_BIN) --generate-completion-script bash > .build/completions/debrief.bash
	$(RELEASE_BIN) --generate-completion-script zsh > .build/completions/_debrief
	$(RELEASE_BIN) --generate-completion-script fish > .build/completions/debrief.fish

install: build man completions
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASH_COMPLETION_DIR)" \
		"$(DESTDIR)$(ZSH_COMPLETION_DIR)" "$(DESTDIR)$(FISH_COMPLETION_DIR)"
	install -m 755 $(RELEASE_BIN) "$(DESTDIR)$(BINDIR)/debrief"
	install -m 644 .build/man/debrief.1 "$(DESTDIR)$(MANDIR)/debrief.1"
	install -m 644 .build/completions/debrief.bash "$(DESTDIR)$(BASH_COMPLETION_DIR)/debrief"
	install -m 644 .build/completions/_debrief "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_debrief"
	install -m 644 .build/completions/debrief.fish "$(DESTDIR)$(FISH_COMPLETION_DIR)/debrief.fish"
	@echo "Installed debrief in $(DESTDIR)$(BINDIR); its man page and bash, zsh and fish completions beside it."

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/debrief" "$(DESTDIR)$(MANDIR)/debrief.1" "$(DESTDIR)$(BASH_COMPLETION_DIR)/debrief" \
		"$(DESTDIR)$(ZSH_COMPLETION_DIR)/_debrief" "$(DESTDIR)$(FISH_COMPLETION_DIR)/debrief.fish"

test:
	swift test
