/**
 * Every tuning number of the model lives here and nowhere else.
 *
 * Units (all integers): CPU in millicores (m), memory in MiB, money in cents,
 * time in ticks (one tick = one game minute), image layers in MB.
 * The balance rules (shared/sim/balance.ts, docs/DESIGN.md "The lesson arc") guard these
 * numbers: if a change here breaks a rule, the model is wrong, not the rule.
 */

/** Bump on any change to what the engine computes: match logs replay only under their own version. */
export const ENGINE_VERSION = "3.0.0";

export type ModelId = "small" | "large" | "gpu" | "old";
export type LayerKind = "bare-linux" | "bare-windows" | "type1" | "type2" | "container-host";
export type OsKind = "linux" | "windows";
export type VirtMode = "para" | "full";
export type AppId = "web" | "grades" | "db" | "payment" | "enroll" | "train" | "registry";
export type LicenceEdition = "essentials" | "standard" | "datacenter" | "ha";

export const MODEL_IDS: readonly ModelId[] = ["small", "large", "gpu", "old"];
export const LAYER_KINDS: readonly LayerKind[] = ["bare-linux", "bare-windows", "type1", "type2", "container-host"];
export const APP_IDS: readonly AppId[] = ["web", "grades", "db", "payment", "enroll", "train", "registry"];
export const OS_KINDS: readonly OsKind[] = ["linux", "windows"];
export const VIRT_MODES: readonly VirtMode[] = ["para", "full"];
export const LICENCE_EDITIONS: readonly LicenceEdition[] = ["essentials", "standard", "datacenter", "ha"];

export interface ServerModel {
  cpu: number;
  mem: number;
  gpu: number;
  price: number;
  /**
   * Power, cooling and rack space per tick at idle and at full load for an owned server; "load"
   * counts overheads, useful work and the idle burn of apps. Holding a server costs every minute.
   */
  powerIdle: number;
  powerMax: number;
  /** Renting the same machine from a cloud, per tick, everything included: dearer than owning. */
  rent: number;
  /** Whether a cloud rents it out at all (clouds do not rent machines without hardware virtualization). */
  rentable: boolean;
  /** A rack unit label shown in the UI. */
  units: 1 | 2;
  /**
   * Hardware-assisted virtualization (Intel VT-x with EPT, AMD-V with RVI). Without it a hypervisor
   * runs an unmodified guest (full virtualization) only by translating its kernel's instructions in
   * software and shadowing its page tables: a much higher tax. Para-virtualized guests and containers
   * do not need it.
   */
  hwVirt: boolean;
}

/**
 * Small 1U, large 2U and a GPU node. Prices in cents. Owning a small server for a 6-hour round
 * costs about half its price (resale) plus power, ≈ $6 a minute; renting it costs $12 a minute,
 * so renting pays only for capacity held a short while: the spike.
 */
export const SERVER_MODELS: Record<ModelId, ServerModel> = {
  small: { cpu: 8000, mem: 32768, gpu: 0, price: 300_000, powerIdle: 150, powerMax: 300, rent: 1_000, rentable: true, units: 1, hwVirt: true },
  large: { cpu: 32000, mem: 131072, gpu: 0, price: 900_000, powerIdle: 400, powerMax: 900, rent: 2_800, rentable: true, units: 2, hwVirt: true },
  gpu: { cpu: 16000, mem: 65536, gpu: 4, price: 1_400_000, powerIdle: 500, powerMax: 1_500, rent: 4_500, rentable: true, units: 2, hwVirt: true },
  // An older 2U sold off cheap: a CPU from before VT-x/EPT, and the power draw of its age.
  old: { cpu: 16000, mem: 65536, gpu: 0, price: 240_000, powerIdle: 350, powerMax: 750, rent: 0, rentable: false, units: 2, hwVirt: false },
};

/** Servers arrive a while after they are bought: the reason to plan ahead of a forecast spike. */
export const DELIVERY_TICKS = 30;
/** A rented machine is handed over within minutes (a cloud provisions it). */
export const RENT_DELIVERY_TICKS = 3;
/** A sold server brings back this share of its price; also how the final score values owned servers. */
export const RESALE_PCT = 50;

export interface HostLayer {
  /** The kernel this layer runs, if apps or containers can run on it directly. */
  os: OsKind | null;
  /** What can be placed on it. */
  hosts: "apps" | "vms" | "containers";
  /** CPU and memory the layer itself keeps: kernel, hypervisor, host OS, container daemon. */
  cpu: number;
  mem: number;
  setupTicks: number;
  /** Whether the kernel can hand GPUs to what runs on it (VMs get no GPU passthrough in this game). */
  gpu: boolean;
}

export const HOST_LAYERS: Record<LayerKind, HostLayer> = {
  "bare-linux": { os: "linux", hosts: "apps", cpu: 250, mem: 1024, setupTicks: 5, gpu: true },
  // Windows Server itself: the Desktop Experience wants about 2 GB of memory.
  "bare-windows": { os: "windows", hosts: "apps", cpu: 500, mem: 2048, setupTicks: 10, gpu: false },
  // Bare-metal hypervisor (KVM, Xen, free ESXi): little overhead, no licence, a longer setup.
  type1: { os: null, hosts: "vms", cpu: 400, mem: 1024, setupTicks: 15, gpu: false },
  // Hosted hypervisor (Workstation, VirtualBox): a whole host OS first, then the hypervisor on top.
  type2: { os: null, hosts: "vms", cpu: 750, mem: 1792, setupTicks: 8, gpu: false },
  // Linux plus a container engine daemon.
  "container-host": { os: "linux", hosts: "containers", cpu: 350, mem: 1280, setupTicks: 6, gpu: true },
};

export interface HypervisorCost {
  /** Memory the hypervisor keeps per VM (page tables, device emulation). */
  memPerVm: number;
  /** Share of a VM's CPU lost to virtualization, by mode, in percent (on hardware with VT-x/EPT). */
  taxPct: Record<VirtMode, number>;
  /** Full virtualization on a CPU without hardware assistance: binary translation and shadow page tables. */
  translatedPct: number;
}

/**
 * Type-1 costs about 2 % CPU (Felter et al. 2015); type-2 costs far more (12 % and worse in
 * informal tests), on top of the host OS it needs. Without VT-x/EPT a full-virtualization guest's
 * kernel runs through binary translation with shadow page tables (VMware before 2006; Adams &
 * Agesen 2006): a kernel-heavy server load such as a web server loses about a quarter of its CPU.
 */
export const HYPERVISOR_COST: Record<"type1" | "type2", HypervisorCost> = {
  type1: { memPerVm: 64, taxPct: { para: 2, full: 4 }, translatedPct: 25 },
  type2: { memPerVm: 256, taxPct: { para: 8, full: 12 }, translatedPct: 30 },
};

/**
 * A paravirtualized guest runs a kernel modified to call the hypervisor: less CPU tax, but the
 * modified image has to be prepared (and only Linux can be modified), so a para VM comes up later.
 */
export const PARA_PREP_TICKS = 3;

export interface GuestOs {
  cpu: number;
  mem: number;
  bootTicks: number;
}

/** Every VM carries a whole guest OS. Windows boots far slower (≈810 s vs ≈97 s on EC2, Mao & Humphrey 2012). */
export const GUEST_OS: Record<OsKind, GuestOs> = {
  linux: { cpu: 250, mem: 512, bootTicks: 3 },
  windows: { cpu: 500, mem: 2048, bootTicks: 12 },
};

export const VM_LIMITS = { minVcpus: 1, maxVcpus: 32, minMem: 1024, maxMem: 131072, minFreeMem: 512 };

/** A container engine inside a VM (containers in VMs, as clouds do). */
export const VM_ENGINE = { cpu: 100, mem: 256 };

export interface ImageLayer {
  mb: number;
}

/** Image layers, shared between images: a host that has the base layers pulls only the top ones. */
export const IMAGE_LAYERS = {
  alpine: { mb: 6 },
  ubuntu: { mb: 64 },
  debian: { mb: 114 },
  portal: { mb: 40 },
  jre8: { mb: 110 },
  jre17: { mb: 190 },
  "grades-api": { mb: 50 },
  mysql: { mb: 450 },
  "payment-svc": { mb: 30 },
  cuda: { mb: 1800 },
  pytorch: { mb: 900 },
  registry: { mb: 25 },
} as const satisfies Record<string, ImageLayer>;
export type LayerId = keyof typeof IMAGE_LAYERS;

/**
 * Where a host's missing layers come from (the Docker daemon looks in its own cache first, then
 * asks the registry). The public registry comes over the datacenter's internet link, slowly, and
 * limits how many images one address may pull (Docker Hub: 100 pulls per 6 hours for an anonymous
 * address since 2020; compressed here like the rest of the day): in a spike, when many fresh hosts
 * pull at once, the pulls beyond the limit wait for the next minute. A private registry mirror the
 * team runs in its own datacenter (the `registry` app: a pull-through cache) serves every host at
 * the datacenter link's speed with no limit; it fetches each layer from the public registry once.
 */
export const REGISTRY = {
  /** MB a minute one host pulls from the public registry (≈ 4 MB/s). */
  publicMbPerTick: 250,
  /** Image pulls the team's datacenter may start from the public registry in one minute. */
  publicPullsPerTick: 2,
  /** MB a minute from a mirror in the datacenter (≈ 17 MB/s, a conservative datacenter link). */
  mirrorMbPerTick: 1000,
};

export interface AppSpec {
  /**
   * frontend: users' requests (dropped ones cost); backend: serves other apps only; batch: a job;
   * infra: serves the datacenter itself (the registry mirror), no demand of its own.
   */
  role: "frontend" | "backend" | "batch" | "infra";
  port: number | null;
  os: readonly OsKind[];
  /** CPU spent per request served in one tick (per query for db, per work unit for train). */
  cpuPerReq: number;
  /** Default, smallest and largest CPU one instance can use: one process scales only so far. */
  cpu: number;
  minCpu: number;
  maxCpu: number;
  mem: number;
  gpu: number;
  /** Work units per GPU per tick (train only). */
  unitsPerGpu: number;
  /** Image layers bottom-up; null when it cannot be containerized (Windows-only). */
  image: readonly LayerId[] | null;
  /** Calls into other apps per request served. */
  deps: Partial<Record<AppId, number>>;
  /** Rows written to the database per request served (a payment's order); part of its db calls. */
  writes: number;
  /** Only one primary per team (a MySQL primary). */
  single: boolean;
  /** Must not share a kernel with other apps where the scenario demands it (compliance). */
  isolated: boolean;
  /** Ticks to install and start as a process on an OS. */
  installTicks: number;
  /**
   * The language runtime the app needs installed on its OS. Two apps that need different versions
   * of one runtime cannot share an OS (the "environment conflict"); a container brings its own.
   */
  runtime: Runtime | null;
}

export interface Runtime {
  name: "java";
  version: number;
}

export const APPS: Record<AppId, AppSpec> = {
  web: {
    role: "frontend", port: 80, os: ["linux", "windows"], cpuPerReq: 2, cpu: 2000, minCpu: 500, maxCpu: 2000, mem: 1024, gpu: 0,
    unitsPerGpu: 0, image: ["debian", "jre17", "portal"], deps: {}, writes: 0, single: false, isolated: false, installTicks: 2,
    runtime: { name: "java", version: 17 },
  },
  grades: {
    role: "frontend", port: 8080, os: ["linux"], cpuPerReq: 5, cpu: 2000, minCpu: 500, maxCpu: 4000, mem: 2048, gpu: 0,
    unitsPerGpu: 0, image: ["debian", "jre8", "grades-api"], deps: { db: 2 }, writes: 0, single: false, isolated: false, installTicks: 2,
    runtime: { name: "java", version: 8 },
  },
  db: {
    role: "backend", port: 3306, os: ["linux"], cpuPerReq: 2, cpu: 8000, minCpu: 1000, maxCpu: 32000, mem: 16384, gpu: 0,
    unitsPerGpu: 0, image: ["debian", "mysql"], deps: {}, writes: 0, single: true, isolated: false, installTicks: 3,
    runtime: null,
  },
  payment: {
    role: "frontend", port: 443, os: ["linux"], cpuPerReq: 10, cpu: 2000, minCpu: 500, maxCpu: 4000, mem: 1024, gpu: 0,
    unitsPerGpu: 0, image: ["alpine", "payment-svc"], deps: { db: 1 }, writes: 1, single: false, isolated: true, installTicks: 2,
    runtime: null,
  },
  // The legacy course-selection app runs on IIS: Windows only, and it wants port 80 like the portal.
  enroll: {
    role: "frontend", port: 80, os: ["windows"], cpuPerReq: 8, cpu: 2000, minCpu: 1000, maxCpu: 2000, mem: 2048, gpu: 0,
    unitsPerGpu: 0, image: null, deps: {}, writes: 0, single: false, isolated: false, installTicks: 3,
    runtime: null,
  },
  // A training job: one GPU, little CPU. The GPU node's idle cores are there for other apps.
  train: {
    role: "batch", port: null, os: ["linux"], cpuPerReq: 0, cpu: 1000, minCpu: 1000, maxCpu: 1000, mem: 8192, gpu: 1,
    unitsPerGpu: 100, image: ["ubuntu", "cuda", "pytorch"], deps: {}, writes: 0, single: false, isolated: false, installTicks: 4,
    runtime: null,
  },
  // A registry mirror (Docker's registry image as a pull-through cache): where containers unlocked.
  registry: {
    role: "infra", port: 5000, os: ["linux"], cpuPerReq: 0, cpu: 1000, minCpu: 1000, maxCpu: 1000, mem: 2048, gpu: 0,
    unitsPerGpu: 0, image: ["alpine", "registry"], deps: {}, writes: 0, single: true, isolated: false, installTicks: 1,
    runtime: null,
  },
};

/** Share of its reservation an app instance burns even when idle (GC, health checks, cron). */
export const IDLE_BURN_PCT = 10;

export interface LicenceSpec {
  /** Windows Server licences cover guest OSes; a hypervisor licence buys the management suite. */
  kind: "windows" | "hypervisor";
  price: number;
  /** Windows operating system environments covered; null means unlimited (or not a Windows licence). */
  covers: number | null;
  /** Models it may be bought for (Essentials is for small servers only). */
  models: readonly ModelId[];
}

/**
 * Windows Server 2022 list prices (seed 003): Essentials $501, Standard $1,069, Datacenter $6,155.
 * The type-1 hypervisor itself is free (KVM, Xen, free ESXi); "ha" is the paid management suite
 * beside it (vSphere-style proactive HA): when a host warns of failing hardware, its VMs are
 * live-migrated away by themselves. Without it the team does the same by hand.
 */
export const LICENCES: Record<LicenceEdition, LicenceSpec> = {
  essentials: { kind: "windows", price: 50_100, covers: 1, models: ["small"] },
  standard: { kind: "windows", price: 106_900, covers: 2, models: ["small", "large", "gpu"] },
  datacenter: { kind: "windows", price: 615_500, covers: null, models: ["small", "large", "gpu"] },
  ha: { kind: "hypervisor", price: 60_000, covers: null, models: ["small", "large", "gpu"] },
};

export const INCIDENTS = {
  /**
   * A leak with no boundary around it thrashes its whole OS until it is rebooted: a physical
   * server takes this long to come back (a VM takes its guest OS's boot time) …
   */
  serverRebootTicks: 20,
  /** … and then every app on it starts again. */
  appRestartTicks: 2,
  /** A container with a memory limit is simply killed and restarted. */
  containerRestartTicks: 1,
  /** Resizing a process (not a container: cgroups change live) restarts it. */
  resizeRestartTicks: 2,
  /** Patching and rebooting a kernel hit by an exploit. */
  kernelPatchTicks: 15,
  /** Failing hardware warns (ECC errors, a disk's SMART status) this long before it dies … */
  hardwareWarnTicks: 10,
  /** … and is repaired after this long. */
  hardwareRepairTicks: 60,
  /** A type-2 host's OS installing its security updates: it reboots, and every guest with it. */
  hostPatchRebootTicks: 6,
  /**
   * A database that starts from nothing (a new primary, or a container started again from its
   * image without a volume) loads last night's backup before it answers.
   */
  dbRestoreTicks: 10,
  /** Each row written in a container's own layer and lost with it: an order refunded, a registration re-entered. */
  lostRowFine: 100,
  /** Audit fine per unlicensed Windows instance: twice the Standard price. */
  auditFinePerOse: 213_800,
  /** A payment service on a compromised kernel leaks card data. */
  breachFine: 500_000,
};

/**
 * Card processors surcharge every payment handled on a kernel that also runs other apps (the
 * scenario's isolation rule, after PCI DSS): per payment request served, in cents.
 */
export const COMPLIANCE_FEE_PER_PAYMENT = 5;

/** Live migration copies memory over a link; ≈4 GB a minute at half of a 1 Gb/s link. */
export const MIGRATION_MIB_PER_TICK = 4096;

/**
 * Lesson timing at speed 1×: quiet stretches pass at two game minutes a real second, the spike
 * window at one, so a 6-hour round plays in about 4 real minutes and the spike is played.
 */
export const PACE_MS_PER_TICK = { quiet: 500, spike: 1000 };

export const BUDGET_LIMITS = { min: 0, max: 100_000_000 };
export const TRAFFIC_PCT_LIMITS = { min: 25, max: 400 };
export const MAX_TEAMS = 8;
/** A team name's length the engine accepts: room for the simulator's names ("3·containers-autoscale:frozen"). */
export const TEAM_NAME_MAX = 40;
