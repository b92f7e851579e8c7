"""Benchmarks against gunicorn + PostgreSQL + Redis (`make bench`); pytest never collects them.

Run one from the project's root: `.venv/bin/python -m tests.benchmarks.bench_counter --help`.
"""
