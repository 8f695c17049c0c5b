/**
 * Every tuning number of the model lives here and nowhere else.
 *
 * Units (all integers): CPU in millicores (m), memory in MiB, money in cents,
 * time in ticks (one tick = one game minute), image layers in MB.
 * The balance tests (test/unit/balance.test.ts) guard these numbers: if a change
 * here breaks a ranking from GAME.md, the model is wrong, not the test.
 */

export const ENGINE_VERSION = "1.0.0";

export type ModelId = "small" | "large" | "gpu";
export type LayerKind = "bare-linux" | "bare-windows" | "type1" | "type2" | "container-host";
export type OsKind = "linux" | "windows";
export type VirtMode = "para" | "full";
export type AppId = "web" | "grades" | "db" | "payment" | "enroll" | "train";
export type LicenceEdition = "essentials" | "standard" | "datacenter";

export const MODEL_IDS: readonly ModelId[] = ["small", "large", "gpu"];
export const LAYER_KINDS: readonly LayerKind[] = ["bare-linux", "bare-windows", "type1", "type2", "container-host"];
export const APP_IDS: readonly AppId[] = ["web", "grades", "db", "payment", "enroll", "train"];
export const OS_KINDS: readonly OsKind[] = ["linux", "windows"];
export const VIRT_MODES: readonly VirtMode[] = ["para", "full"];
export const LICENCE_EDITIONS: readonly LicenceEdition[] = ["essentials", "standard", "datacenter"];

export interface ServerModel {
  cpu: number;
  mem: number;
  gpu: number;
  price: number;
  /** Power per tick at idle and at full load; "load" counts overheads, useful work and idle app baseline. */
  powerIdle: number;
  powerMax: number;
  /** A rack unit label shown in the UI. */
  units: 1 | 2;
}

/** Small 1U, large 2U and a GPU node, as in GAME.md. Prices are list prices in cents. */
export const SERVER_MODELS: Record<ModelId, ServerModel> = {
  small: { cpu: 8000, mem: 32768, gpu: 0, price: 300_000, powerIdle: 40, powerMax: 110, units: 1 },
  large: { cpu: 32000, mem: 131072, gpu: 0, price: 900_000, powerIdle: 95, powerMax: 250, units: 2 },
  gpu: { cpu: 16000, mem: 65536, gpu: 4, price: 1_400_000, powerIdle: 120, powerMax: 450, units: 2 },
};

/** Servers arrive a while after they are bought: the reason to plan ahead of a forecast spike. */
export const DELIVERY_TICKS = 30;
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
  /** One-off licence price charged at install (a type-1 hypervisor licence). */
  licence: number;
  /** Whether the kernel can hand GPUs to what runs on it (VMs get no GPU passthrough in this game). */
  gpu: boolean;
}

export const HOST_LAYERS: Record<LayerKind, HostLayer> = {
  "bare-linux": { os: "linux", hosts: "apps", cpu: 250, mem: 1024, setupTicks: 5, licence: 0, gpu: true },
  // Windows Server itself: the Desktop Experience wants about 2 GB of memory.
  "bare-windows": { os: "windows", hosts: "apps", cpu: 500, mem: 2048, setupTicks: 10, licence: 0, gpu: false },
  // Bare-metal hypervisor (ESXi, Xen, KVM): little overhead, a licence and a longer setup.
  type1: { os: null, hosts: "vms", cpu: 400, mem: 1024, setupTicks: 15, licence: 60_000, gpu: false },
  // Hosted hypervisor (Workstation, VirtualBox): a whole host OS first, then the hypervisor on top.
  type2: { os: null, hosts: "vms", cpu: 750, mem: 1792, setupTicks: 8, licence: 0, gpu: false },
  // Linux plus a container engine daemon.
  "container-host": { os: "linux", hosts: "containers", cpu: 350, mem: 1280, setupTicks: 6, licence: 0, gpu: true },
};

export interface HypervisorCost {
  /** Memory the hypervisor keeps per VM (page tables, device emulation). */
  memPerVm: number;
  /** Share of a VM's CPU lost to virtualization, by mode, in percent. */
  taxPct: Record<VirtMode, number>;
}

/** Type-1 costs about 2 % CPU (Felter et al.); type-2 costs far more (12 %+ in informal tests). */
export const HYPERVISOR_COST: Record<"type1" | "type2", HypervisorCost> = {
  type1: { memPerVm: 64, taxPct: { para: 2, full: 5 } },
  type2: { memPerVm: 256, taxPct: { para: 10, full: 15 } },
};

export interface GuestOs {
  cpu: number;
  mem: number;
  bootTicks: number;
}

/** Every VM carries a whole guest OS. Windows boots far slower (≈810 s vs ≈97 s on EC2). */
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
  nginx: { mb: 60 },
  portal: { mb: 40 },
  jre: { mb: 190 },
  "grades-api": { mb: 50 },
  mysql: { mb: 450 },
  "payment-svc": { mb: 30 },
  cuda: { mb: 1800 },
  pytorch: { mb: 900 },
} as const satisfies Record<string, ImageLayer>;
export type LayerId = keyof typeof IMAGE_LAYERS;

/** How much a container host pulls per tick (a compressed-time registry link). */
export const PULL_MB_PER_TICK = 100;

export interface AppSpec {
  /** frontend: users' requests (dropped ones cost); backend: serves other apps only; batch: a job. */
  role: "frontend" | "backend" | "batch";
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
  /** Only one primary per team (a MySQL primary). */
  single: boolean;
  /** Must not share a kernel with other apps where the scenario demands it (compliance). */
  isolated: boolean;
  /** Ticks to install and start as a process on an OS. */
  installTicks: number;
}

export const APPS: Record<AppId, AppSpec> = {
  web: {
    role: "frontend", port: 80, os: ["linux", "windows"], cpuPerReq: 2, cpu: 2000, minCpu: 500, maxCpu: 2000, mem: 1024, gpu: 0,
    unitsPerGpu: 0, image: ["debian", "nginx", "portal"], deps: {}, single: false, isolated: false, installTicks: 2,
  },
  grades: {
    role: "frontend", port: 8080, os: ["linux"], cpuPerReq: 5, cpu: 2000, minCpu: 500, maxCpu: 4000, mem: 2048, gpu: 0,
    unitsPerGpu: 0, image: ["debian", "jre", "grades-api"], deps: { db: 2 }, single: false, isolated: false, installTicks: 2,
  },
  db: {
    role: "backend", port: 3306, os: ["linux"], cpuPerReq: 2, cpu: 8000, minCpu: 1000, maxCpu: 32000, mem: 16384, gpu: 0,
    unitsPerGpu: 0, image: ["debian", "mysql"], deps: {}, single: true, isolated: false, installTicks: 3,
  },
  payment: {
    role: "frontend", port: 443, os: ["linux"], cpuPerReq: 10, cpu: 2000, minCpu: 500, maxCpu: 4000, mem: 1024, gpu: 0,
    unitsPerGpu: 0, image: ["alpine", "payment-svc"], deps: { db: 1 }, single: false, isolated: true, installTicks: 2,
  },
  // The legacy course-selection app runs on IIS: Windows only, and it wants port 80 like the portal.
  enroll: {
    role: "frontend", port: 80, os: ["windows"], cpuPerReq: 8, cpu: 2000, minCpu: 1000, maxCpu: 2000, mem: 2048, gpu: 0,
    unitsPerGpu: 0, image: null, deps: {}, single: false, isolated: false, installTicks: 3,
  },
  // A training job: one GPU, little CPU. The GPU node's idle cores are there for other apps.
  train: {
    role: "batch", port: null, os: ["linux"], cpuPerReq: 0, cpu: 1000, minCpu: 1000, maxCpu: 1000, mem: 8192, gpu: 1,
    unitsPerGpu: 100, image: ["ubuntu", "cuda", "pytorch"], deps: {}, single: false, isolated: false, installTicks: 4,
  },
};

/** Share of its reservation an app instance burns even when idle (GC, health checks, cron). */
export const IDLE_BURN_PCT = 10;

export interface LicenceSpec {
  price: number;
  /** Windows operating system environments covered; null means unlimited. */
  covers: number | null;
  /** Models it may be bought for (Essentials is for small servers only). */
  models: readonly ModelId[];
}

/** Windows Server 2022 list prices (seed 003): Essentials $501, Standard $1,069, Datacenter $6,155. */
export const LICENCES: Record<LicenceEdition, LicenceSpec> = {
  essentials: { price: 50_100, covers: 1, models: ["small"] },
  standard: { price: 106_900, covers: 2, models: ["small", "large", "gpu"] },
  datacenter: { price: 615_500, covers: null, models: ["small", "large", "gpu"] },
};

export const INCIDENTS = {
  /** A crashed process restarts after this many ticks; a container restarts faster. */
  processRestartTicks: 3,
  containerRestartTicks: 1,
  /** Patching and rebooting a kernel hit by a container escape. */
  kernelPatchTicks: 15,
  hardwareRepairTicks: 45,
  /** Audit fine per unlicensed Windows instance: twice the Standard price. */
  auditFinePerOse: 213_800,
  /** A payment service on a compromised kernel leaks card data. */
  breachFine: 500_000,
};

/** Penalty per tick for each payment instance sharing its kernel with another app (scenario rule). */
export const COMPLIANCE_PENALTY_PER_TICK = 1_500;

/** Live migration copies memory over a link; ≈4 GB a minute at half of a 1 Gb/s link. */
export const MIGRATION_MIB_PER_TICK = 4096;

export const BUDGET_LIMITS = { min: 0, max: 100_000_000 };
export const TRAFFIC_PCT_LIMITS = { min: 25, max: 400 };
export const MAX_TEAMS = 8;
