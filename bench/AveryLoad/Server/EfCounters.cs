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
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => instrument.IsObservable ? value : total + value));
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
}
