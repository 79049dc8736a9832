using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.Bench.AveryLoad.Server;

/// <summary>
/// Totals of EF Core's own counters (queries, SaveChanges, compiled-query cache hits and misses)
/// and of the SQLite write gate (time waited for and held)
/// so the report can say how much database work one message costs.
/// </summary>
internal sealed class EfCounters : IDisposable
{
    public const string HoldInstrument = SqliteWriteGate.HoldInstrument;
    public const string SavesPrefix = "creatoros.sqlite.write_gate.saves@";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public EfCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is "Microsoft.EntityFrameworkCore" or SqliteWriteGate.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // Observable instruments report their running total when read; plain counters report increments.
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => instrument.IsObservable ? value : total + value);
            if (instrument.Name == HoldInstrument && ContextOf(tags) is { } context)
            {
                // Whose saves fill the slot: held time and save count per DbContext.
                _totals.AddOrUpdate(HoldInstrument + "@" + context, value, (_, total) => total + value);
                _totals.AddOrUpdate(SavesPrefix + context, 1, (_, total) => total + 1);
            }
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => instrument.IsObservable ? value : total + value));
        _listener.Start();
    }

    /// <summary>name=total pairs, one word each.</summary>
    public string Snapshot()
    {
        _listener.RecordObservableInstruments();
        return string.Join(' ', _totals.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
    }

    public void Dispose() => _listener.Dispose();

    private static string? ContextOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == SqliteWriteGate.ContextTag)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
