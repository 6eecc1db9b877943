# The two commands of the README's quick start. Both set up whatever is missing first.
.PHONY: serve test
serve:
	scripts/serve.sh
test:
	scripts/test.sh
