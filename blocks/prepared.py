"""Querysets whose SQL is built once per process and run again with new values.

For the small indexed queries of a story page the ORM spends many times
longer building and compiling the SQL than the database spends running it.
A `Prepared` query is written as an ordinary queryset over named values. The
first call on a database connection builds it with sample values, compiles
it, and notes where each value lands among the SQL's parameters; later calls
put the new values in those places, run the same SQL and turn the rows into
model instances as the ORM does (converters, select_related, annotations).

A query is prepared only if every value lands somewhere in its parameters;
otherwise preparing fails with an error naming the missing values. Values
are ints, strings or datetimes; lists vary the SQL's shape, so write them as
subqueries instead.
"""

import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections, router
from django.db.models.query import _get_from_db, get_related_populators

# Samples cannot be mistaken for real values: negative ids, dates before 1902.
SAMPLES = {
    int: lambda n: -7_340_000_000 - n,
    str: lambda n: f"\x00prepared-sample-{n}\x00",
    datetime: lambda n: datetime(1901, 2, 3, 4, 5, 6, n + 1, tzinfo=UTC),
}


@dataclass
class _Compiled:
    sql: str
    params: list
    slots: list  # (parameter index, value name, adapter)
    compiler: object
    converters: dict
    init_list: list
    fields: slice
    populators: list
    annotations: dict
    from_db: object
    track_peers: bool


class Prepared:
    """`build(**values)` returns the queryset; `kinds` gives each value's type.

    Calling it with the values returns the list of instances the queryset
    would return, read on the database the router picks for reading its model.
    """

    def __init__(self, build, **kinds):
        for name, kind in kinds.items():
            if kind not in SAMPLES:
                raise TypeError(f"{name}: a prepared value is an int, str or datetime")
        self.model = None  # known once built: models may not be loaded yet
        self.build = build
        self.kinds = kinds
        self._compiled = weakref.WeakKeyDictionary()  # per connection object

    def __call__(self, **values) -> list:
        if self.model is None:
            self.model = self.build(**self._samples()).model
        db = router.db_for_read(self.model)
        connection = connections[db]
        compiled = self._compiled.get(connection)
        if compiled is None:
            compiled = self._compiled[connection] = self._compile(db, connection)
        params = list(compiled.params)
        for index, name, adapt in compiled.slots:
            params[index] = adapt(values[name])
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return self._instances(compiled, db, rows)

    def _compile(self, db, connection) -> _Compiled:
        samples = self._samples()
        queryset = self.build(**samples).using(db)
        compiler = queryset.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        adapters = {
            name: _adapter(kind, connection) for name, kind in self.kinds.items()
        }
        adapted = {name: adapters[name](sample) for name, sample in samples.items()}
        slots = [
            (index, name, adapters[name])
            for index, param in enumerate(params)
            for name, value in adapted.items()
            if type(param) is type(value) and param == value
        ]
        missing = set(samples) - {name for _index, name, _adapt in slots}
        if missing:
            raise ValueError(
                f"prepared query: {', '.join(sorted(missing))} not among its parameters"
            )
        select, klass_info = compiler.select, compiler.klass_info
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1]
        fetch_mode = queryset._fetch_mode
        columns = [column[0] for column in select[: compiler.col_count]]
        if compiler.has_composite_fields(columns):
            raise ValueError("prepared query: composite fields are not supported")
        return _Compiled(
            sql=sql,
            params=list(params),
            slots=slots,
            compiler=compiler,
            converters=compiler.get_converters(columns),
            init_list=[f[0].target.attname for f in select[first : last + 1]],
            fields=slice(first, last + 1),
            populators=get_related_populators(klass_info, select, db, fetch_mode),
            annotations=dict(compiler.annotation_col_map or {}),
            from_db=_get_from_db(klass_info["model"], fetch_mode),
            track_peers=fetch_mode.track_peers,
        )

    def _samples(self) -> dict:
        return {
            name: SAMPLES[kind](n) for n, (name, kind) in enumerate(self.kinds.items())
        }

    @staticmethod
    def _instances(compiled, db, rows) -> list:
        objects = []
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        for row in rows:
            obj = compiled.from_db(db, compiled.init_list, row[compiled.fields])
            for populator in compiled.populators:
                populator.populate(row, obj)
            for name, position in compiled.annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        if compiled.track_peers:
            peers = [weakref.ref(obj) for obj in objects]
            for obj in objects:
                obj._state.peers = peers
        return objects


def _adapter(kind, connection):
    """How the ORM hands a value of `kind` to this database."""
    if kind is datetime:
        return connection.ops.adapt_datetimefield_value
    return kind
