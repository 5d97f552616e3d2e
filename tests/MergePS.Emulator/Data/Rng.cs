using System;

namespace MergePS.Emulator.Data;

/// <summary>xoshiro256** seeded through SplitMix64: our own generator so the data stays the same
/// across .NET versions (System.Random's seeded sequence is not a documented contract).</summary>
public sealed class Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator whose stream depends only on the seed and the given names, so that
    /// generating one table never shifts the values of another.</summary>
    public static Rng For(int seed, params string[] names)
    {
        ulong h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (string name in names)
        {
            foreach (char c in name)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ 0xFF) * 1099511628211UL;
        }

        return new Rng(h);
    }

    public ulong NextULong()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>0 &lt;= result &lt; max.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextULong() >> 33) % (ulong)max);

    /// <summary>min &lt;= result &lt;= maxInclusive.</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    public T Pick<T>(System.Collections.Generic.IReadOnlyList<T> items) => items[Next(items.Count)];

    public decimal Money(double min, double max) => Math.Round((decimal)(min + (NextDouble() * (max - min))), 2);

    public string Digits(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + Next(10));
        }

        return new string(chars);
    }

    /// <summary>A version-4 style UUID drawn from the stream.</summary>
    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextULong());
        BitConverter.TryWriteBytes(bytes.Slice(8), NextULong());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
