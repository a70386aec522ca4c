// The Python snippet that loads a network exported by <activation-race> into torch.nn.Sequential
// (format: cpp/network.cpp Network::to_json — "modules" in Sequential order, "state_dict" with
// PyTorch keys; Maxout is Linear(in, out*k) followed by a max over each unit's k consecutive rows,
// which torch has no built-in module for). `c`: the comments in the reader's language (text table's
// `python`); the code is the same in every language. loss_fn is the torch loss the race trained with
// (cross_entropy: class indices as a LongTensor; tools/check-torch-cross-entropy.mjs runs it).
export const pythonSnippet = (c) => `import json, re, torch
from torch import nn

class Maxout(nn.Module):   # ${c.maxout}
    def __init__(self, k):
        super().__init__(); self.k = int(k)
    def forward(self, x):
        return x.view(x.shape[0], -1, self.k).amax(2)

def module(spec):          # ${c.module}
    name, args = re.fullmatch(r"(\\w+)\\((.*)\\)", spec).groups()
    pos, kw = [], {}
    for a in filter(None, (s.strip() for s in args.split(","))):
        key, _, v = a.rpartition("=")   # GELU(approximate='tanh') has a keyword argument
        v = v.strip("'") if v.startswith("'") else float(v) if re.search(r"[.eE]", v) else int(v)
        if key: kw[key] = v
        else: pos.append(v)
    return Maxout(*pos) if name == "Maxout" else getattr(nn, name)(*pos, **kw)

d = json.load(open("race-relu.json"))
net = nn.Sequential(*map(module, d["modules"])).double()
net.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in d["state_dict"].items()})
net.eval()                 # ${c.eval}
loss_fn = {"bce": nn.BCEWithLogitsLoss, "mse": nn.MSELoss,   # ${c.loss}
           "cross_entropy": nn.CrossEntropyLoss}[d["config"]["loss"]]()
z = net(torch.tensor([[0.2, -0.4]], dtype=torch.float64))
p = torch.softmax(z, 1) if d["config"]["loss"] == "cross_entropy" else torch.sigmoid(z)  # ${c.prob}
`;
